import { defineMessages } from '../../i18n/i18n';

export const offlineMessages = defineMessages(
  {
    label: 'Offline use',
    preparing: 'Saving the app for offline use…',
    ready: 'Ready offline',
    readyTitle: 'This page is saved in the browser: it opens and runs without a network.',
    offlineNow: 'No network: running from the saved copy.',
    updateAvailable: 'A new version of umi-lab is available.',
    updateButton: 'Reload to update',
    updateAfterRun: 'Update when the run has finished.',
    dismiss: 'Later',
    unsupported: 'This browser cannot save the app for offline use.',
    failed: 'The app could not be saved for offline use: {message}',
  },
  {
    label: '离线使用',
    preparing: '正在保存应用以便离线使用…',
    ready: '可离线使用',
    readyTitle: '此页面已保存在浏览器中：没有网络也能打开和运行。',
    offlineNow: '没有网络：正在使用已保存的副本运行。',
    updateAvailable: 'umi-lab 有新版本可用。',
    updateButton: '重新加载以更新',
    updateAfterRun: '请在本次运行结束后更新。',
    dismiss: '稍后',
    unsupported: '此浏览器无法保存应用以便离线使用。',
    failed: '无法保存应用以便离线使用：{message}',
  },
);
