package dev.proda.teacher.llm;

import dev.proda.endpoint.RetryPolicy;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.Teacher;
import dev.proda.teacher.TeacherContract;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The teacher contract, for the LLM teacher against {@link FakeOpenAiServer}. */
class LlmTeacherContractTest extends TeacherContract {
    private FakeOpenAiServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected Teacher teacher(ProjectLayout layout) {
        ProdaConfig.Teacher config = new ProdaConfig.Teacher("openai", server.baseUrl(), "fake-model", null, null,
                null, 2, 0, 10.0, 0, 1500, null);
        return LlmTeacher.from(config, layout, name -> null, new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }
}
