// The official OpenAI SDK against `proda serve`, unchanged: models, completions with echo and logprobs, chat, both
// streamed, and an error. Exits non-zero on the first thing that does not hold.
import OpenAI from "openai";
import assert from "node:assert/strict";

const [baseURL, model] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: process.env.PRODA_SERVE_TOKEN ?? "none" });
const prompt = "question: What is this?\nanswer:";

const models = await client.models.list();
assert.deepEqual(models.data.map(m => m.id), [model]);

const completion = await client.completions.create({ model, prompt, max_tokens: 4, temperature: 0, echo: true, logprobs: 1 });
const logprobs = completion.choices[0].logprobs;
assert.ok(completion.choices[0].text.startsWith(prompt), "echo returns the prompt first");
assert.equal(logprobs.tokens.length, logprobs.token_logprobs.length);
assert.equal(logprobs.tokens.length, logprobs.text_offset.length);
assert.equal(logprobs.tokens.join(""), completion.choices[0].text.trimEnd(), "the tokens join into the text");

const messages = [{ role: "user", content: "What is this?" }];
const chat = await client.chat.completions.create({ model, messages, temperature: 0, max_tokens: 6 });
assert.equal(chat.choices[0].message.role, "assistant");
let streamed = "";
for await (const chunk of await client.chat.completions.create({ model, messages, temperature: 0, max_tokens: 6, stream: true })) {
  streamed += chunk.choices[0]?.delta?.content ?? "";
}
assert.equal(streamed, chat.choices[0].message.content, "the stream writes what the plain answer does");

let text = "";
for await (const chunk of await client.completions.create({ model, prompt, max_tokens: 4, temperature: 0, stream: true })) {
  text += chunk.choices[0].text;
}
assert.equal(prompt + text, completion.choices[0].text);

await assert.rejects(client.completions.create({ model, prompt, max_tokens: -1 }),
  e => e.status === 400 && e.error?.param === "max_tokens");
console.log(JSON.stringify({ sdk: "openai-node", models: models.data.length, completion_tokens: logprobs.tokens.length,
  chat: chat.choices[0].message.content, streamed_chat: streamed, ok: true }));
