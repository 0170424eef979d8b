/**
 * The LLM teacher: any OpenAI-compatible chat endpoint writing the knowledge base in the paper's three
 * passes per chunk of corpus text (L3 chains from text, L2 statements from chains and text, L1 concepts
 * from statements).
 *
 * <p>Layers, outermost first:
 * <ul>
 *   <li>{@link dev.proda.teacher.llm.LlmTeacher}: the {@link dev.proda.teacher.Teacher}; chunks documents
 *       ({@link dev.proda.teacher.llm.Chunker}), runs {@link dev.proda.teacher.llm.ChunkPasses} per chunk,
 *       merges them ({@link dev.proda.teacher.llm.KnowledgeAssembly}) and reports.</li>
 *   <li>{@link dev.proda.teacher.llm.StructuredAsk}: one answer as JSON that passes its
 *       {@link dev.proda.teacher.llm.AnswerSchema}, with a bounded re-ask listing the errors.</li>
 *   <li>{@link dev.proda.teacher.llm.ReliableChat}: the one place for behaviour every chat backend shares
 *       (response cache, retries with backoff, bounded concurrency, token accounting), as langchain4j's
 *       {@code ChatModel} does around {@code doChat}.</li>
 *   <li>{@link dev.proda.teacher.llm.ChatEndpoint}: one HTTP exchange and nothing else;
 *       {@link dev.proda.teacher.llm.OpenAiEndpoint} on the JDK {@code HttpClient}.</li>
 * </ul>
 *
 * <p>The API key is read from the environment variable that {@code teacher.api_key_env} names, held
 * only by {@link dev.proda.teacher.llm.OpenAiEndpoint}, and redacted from every server message; it is
 * never written to the cache, the report, the log or an exception. Depends on {@code dev.proda.model},
 * {@code io}, {@code project}, {@code text}, {@code extract.KnowledgeBase} and the networknt schema
 * validator; nothing depends on it but {@link dev.proda.teacher.Teachers}.
 */
package dev.proda.teacher.llm;
