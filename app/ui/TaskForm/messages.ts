import { defineMessages } from '../../i18n/i18n';
import { EXAMPLE_SCRIPTS } from '../../llm/scripted/scripts';
import { TINY_EXAMPLES } from '../../llm/tiny/examples';

export const taskFormMessages = defineMessages(
  {
    form: 'Task',
    task: 'Task',
    placeholder: 'Ask something the tools can help with, e.g. “What is 5 miles plus 3 kilometres, in km?”',
    examples: 'Examples',
    examplesNote:
      'The examples insert their task in English: the scripted demo finds its script by the English task text, and the model prompts are English too.',
    engine: 'Engine',
    engineTiny: 'Tiny α-UMi (built in, any device)',
    tinySystem: 'Tiny models',
    tinySystemGlpft: 'α-UMi GLPFT — backbone, then one copy per role',
    tinySystemOneStage: 'multi-LLM one-stage — three models from scratch',
    tinyDialectNote:
      'The tiny models read the alpha-umi prompts with the compact tool list they were trained on.',
    tinyLoading: 'Loading the tiny models…',
    engineScripted: 'Demo (scripted, no model)',
    engineWebllm: 'Models on your GPU (WebLLM)',
    engineWebllmNeedsGpu: 'Models on your GPU — needs WebGPU',
    mode: 'Mode',
    modeMulti: 'multi — three models, one per role (α-UMi)',
    modeShared: 'shared — one model plays all three roles',
    modeSingle: 'single — one model, one prompt',
    dialect: 'Prompt dialect',
    dialectChat: 'chat — instruct models, constrained output',
    dialectAlphaUmi: 'alpha-umi — byte-exact GLPFT prompts',
    stepThrough: 'Step through: pause after each model turn (read, edit, then Next)',
    predictMode:
      'Predict, then reveal: guess each model turn before it is shown (runs and replays), scored at the end',
    run: 'Run',
    stop: 'Stop',
    stopping: 'Stopping…',
    lessonLink: 'Lesson link',
    lessonLinkTitle: 'A link with this task, mode, tools and settings (not the outputs)',
    lessonCopied: 'Lesson link copied.',
    lessonInAddressBar: 'The lesson link is in the address bar.',
  },
  {
    form: '任务',
    task: '任务',
    placeholder: '提一个工具能帮上忙的问题，例如 “What is 5 miles plus 3 kilometres, in km?”',
    examples: '示例',
    // Only the Chinese interface needs to say this: the English one shows the tasks as they are.
    examplesNote: '示例任务以英文原文填入：脚本演示按英文任务文本匹配预先写好的脚本，模型提示词也是英文的。',
    engine: '引擎',
    engineTiny: '微型 α-UMi（内置，任何设备）',
    tinySystem: '微型模型',
    tinySystemGlpft: 'α-UMi GLPFT——先训练骨干，再为每个角色各微调一份',
    tinySystemOneStage: '多模型单阶段——三个模型从零开始训练',
    tinyDialectNote: '微型模型读取 alpha-umi 提示词，工具列表为它们训练时所用的精简格式。',
    tinyLoading: '正在加载微型模型…',
    engineScripted: '演示（脚本，无模型）',
    engineWebllm: '在你的 GPU 上运行模型（WebLLM）',
    engineWebllmNeedsGpu: '在你的 GPU 上运行模型——需要 WebGPU',
    mode: '模式',
    modeMulti: 'multi——三个模型，每个角色一个（α-UMi）',
    modeShared: 'shared——一个模型扮演全部三个角色',
    modeSingle: 'single——一个模型，一个提示词',
    dialect: '提示词方言',
    dialectChat: 'chat——指令模型，受约束的输出',
    dialectAlphaUmi: 'alpha-umi——逐字节一致的 GLPFT 提示词',
    stepThrough: '逐步执行：每轮模型输出后暂停（阅读、编辑，然后点“下一步”）',
    predictMode: '先预测，再揭晓：每轮模型输出显示前先猜（运行和回放都可以），最后评分',
    run: '运行',
    stop: '停止',
    stopping: '正在停止…',
    lessonLink: '课堂链接',
    lessonLinkTitle: '包含此任务、模式、工具和设置的链接（不含输出）',
    lessonCopied: '课堂链接已复制。',
    lessonInAddressBar: '课堂链接已放在地址栏中。',
  },
);

/**
 * Chinese labels for the example tasks. A label is translated; the task it inserts stays
 * English, because the scripted engine finds its script by the exact English task text
 * (app/llm/scripted/scripts.ts) and the models are prompted in English. An example without
 * a label here shows its English title (and fails the catalog test).
 */
export const EXAMPLE_TITLES_ZH: Readonly<Record<string, string>> = {
  'miles-plus-km': '英里加公里',
  'shopping-total': '购物总价',
  'fever-check': '华氏度换算摄氏度',
  'circle-tiles': '连续两次计算',
  'furlong-recovery': '从工具错误中恢复',
  'weather-give-up': '工具做不到的任务',
  'bakery-word-problem': '用代码解应用题',
  'first-ten-primes': '前 10 个质数',
  'leap-days-recovery': '出错后修正代码',
  'days-until-christmas': '两个日期之间的天数',
  'trial-end-date': '90 天后的日期',
  'leap-day': '一个不存在的日期',
  'capital-currency': '首都与货币',
  'misspelled-country': '拼错的国名',
  'population-density': '人口密度',
  'count-words': '统计词数',
  'count-a-word': '统计某个词',
  'tiny-multiply': '乘法',
  'tiny-convert': '英里换算公里',
  'tiny-weekday': '某天是星期几',
  'tiny-capital': '首都',
  'tiny-words': '统计词数',
  'tiny-density': '人口密度（两个工具）',
  'tiny-give-up': '天气（放弃）',
};

const ALL_EXAMPLES = [...EXAMPLE_SCRIPTS, ...TINY_EXAMPLES];

export const exampleMessages = defineMessages<Record<string, string>>(
  Object.fromEntries(ALL_EXAMPLES.map((ex) => [ex.id, ex.title])),
  Object.fromEntries(ALL_EXAMPLES.map((ex) => [ex.id, EXAMPLE_TITLES_ZH[ex.id] ?? ex.title])),
);
