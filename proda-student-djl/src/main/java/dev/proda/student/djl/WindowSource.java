package dev.proda.student.djl;

import java.util.List;
import java.util.Random;

/** What {@link GptTrainer} trains on: the windows of one epoch at a time, in a seeded random order. */
interface WindowSource {
    /** The windows of one epoch; the order (and, for packed examples, the grouping) depends on {@code random}. */
    List<TrainingWindow> epoch(Random random);
}
