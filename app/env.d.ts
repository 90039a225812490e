/** The pinned `@mlc-ai/web-llm` version, read from package.json at build time. */
declare const WEBLLM_VERSION: string;
