import { defineMessages } from '../../i18n/i18n';

export const prepareOfflineMessages = defineMessages(
  {
    title: 'Prepare for offline',
    intro:
      'Downloads every model of this preset now, so a class can run them without a network. The page itself is saved by the browser after the first visit.',
    sizesButton: 'Show the download size',
    checking: 'Reading the model sizes…',
    modelRow: '{model}: {size}',
    shards: '{n} files',
    cached: 'in the cache',
    notCached: 'not downloaded',
    total: 'Total download: {size} for {n} models.',
    totalAtLeast: 'Total download: at least {size} for {n} models (a model library did not say its size).',
    sizeError:
      'Could not read {url}: {reason}. Connect to the internet (or choose the model source “This site”), then try again.',
    download: 'Download all ({size})',
    downloadNote:
      'Uses the same loader as Load models: each model is also loaded on the GPU once, which checks that it runs here.',
    checkCache: 'Check what is cached',
    report: '{cached} of {n} models are in this browser’s cache.',
    allCached: 'Every model of this preset is in this browser’s cache: it runs without a network.',
  },
  {
    title: '准备离线使用',
    intro: '现在下载此预设的所有模型，这样课堂上没有网络也能运行。页面本身会在首次访问后由浏览器保存。',
    sizesButton: '显示下载大小',
    checking: '正在读取模型大小…',
    modelRow: '{model}：{size}',
    shards: '{n} 个文件',
    cached: '已在缓存中',
    notCached: '尚未下载',
    total: '总下载量：{n} 个模型共 {size}。',
    totalAtLeast: '总下载量：{n} 个模型至少 {size}（有一个模型库未提供大小）。',
    sizeError: '无法读取 {url}：{reason}。请连接互联网（或将模型来源选为“本站”），然后重试。',
    download: '全部下载（{size}）',
    downloadNote: '与“加载模型”使用同一个加载器：每个模型也会在 GPU 上加载一次，以确认它能在这里运行。',
    checkCache: '检查缓存内容',
    report: '{n} 个模型中有 {cached} 个在此浏览器的缓存中。',
    allCached: '此预设的所有模型都在此浏览器的缓存中：无需网络即可运行。',
  },
);
