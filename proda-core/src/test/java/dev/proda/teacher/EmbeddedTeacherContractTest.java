package dev.proda.teacher;

import dev.proda.extract.EmbeddedTeacher;
import dev.proda.project.ProjectLayout;

class EmbeddedTeacherContractTest extends TeacherContract {
    @Override
    protected Teacher teacher(ProjectLayout layout) {
        return new EmbeddedTeacher();
    }
}
