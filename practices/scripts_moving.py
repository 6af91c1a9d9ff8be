"""Spoken scripts for the movement, writing and check-in practices.

The same shape as scripts_stillness: steps with their seconds and shown text,
cues spoken `at` seconds into their step. Movement cues keep repeating that
smaller is fine and stopping is always allowed.
"""

from __future__ import annotations

from practices.script_types import Step, step

MICRO_MOVEMENT: list[Step] = [
    step(
        60,
        "Sit or lie comfortably.",
        (0, "Find a way of sitting or lying that is comfortable enough for now."),
        (30, "The movements today are tiny. Smaller is better."),
    ),
    step(
        150,
        "Tilt the pelvis a few millimetres forward and back. Notice where it is felt.",
        (0, "Tilt the pelvis forward, just a few millimetres, and back again."),
        (45, "Where do you feel it? The lower back, the belly, the hips, somewhere else?"),
        (100, "Slow it down even more. Let the movement be almost invisible."),
    ),
    step(
        150,
        "Try a tiny side-to-side shift, then a small rotation.",
        (0, "Now a tiny shift from side to side, like a leaf moving in still air."),
        (75, "And if it feels fine, a very small rotation, one way and then the other."),
    ),
    step(
        90,
        "Note which movements feel easy and which feel guarded.",
        (0, "Notice which movements feel easy, and which feel guarded. Both are useful to know."),
    ),
    step(
        60,
        "Stay well within comfort; smaller is better.",
        (0, "Stay well inside what is comfortable. You can stop at any moment."),
    ),
    step(
        90,
        "Rest and notice the back as a whole.",
        (0, "Let the movement stop, and rest."),
        (30, "Notice the back as a whole. Has the picture of it changed at all?"),
    ),
]

INTEROCEPTIVE_JOURNALING: list[Step] = [
    step(
        60,
        "Pause and take three breaths.",
        (0, "Pause for a moment, and take three easy breaths before you write."),
    ),
    step(
        150,
        "Write where you notice sensation right now, and what it is like.",
        (0, "Write where you notice sensation right now, and what it is like."),
    ),
    step(
        150,
        "Add what happened today: stress, sleep, people, events.",
        (0, "Add a few words about today: stress, sleep, people, events."),
    ),
    step(
        120,
        "Write one place that feels at ease, however small.",
        (0, "Now write one place that feels at ease, however small."),
    ),
    step(
        120,
        "Read it back without judging it.",
        (0, "When you are ready, read it back, without judging what you wrote."),
    ),
]

EXPRESSIVE_WRITING: list[Step] = [
    step(
        180,
        "Start writing about what is on your mind.",
        (0, "Start writing about whatever is on your mind."),
    ),
    step(
        240,
        "Keep the pen (or keys) moving. Do not correct or censor.",
        (0, "Keep writing. No need to correct or tidy anything."),
    ),
    step(
        180,
        "If you get stuck, write 'I don't know what to write' until something comes.",
        (0, "If you are stuck, write that you are stuck, until something comes."),
    ),
    step(
        240,
        "Let feelings such as anger, grief or fear onto the page.",
        (0, "Let feelings onto the page, anger, grief or fear included. They are safe there."),
    ),
    step(
        60,
        "When the time is up, finish your sentence. Notice how the body feels.",
        (0, "Time is nearly up. Finish your sentence, and notice how your body feels."),
    ),
]

GENTLE_YOGA: list[Step] = [
    step(
        240,
        "Start lying down with knees bent; breathe into the belly.",
        (0, "Lie on your back with your knees bent, feet resting on the floor."),
        (40, "Let the breath move into the belly. Feel it rise, and fall."),
        (120, "Everything in this practice is optional. Move only as far as feels kind."),
    ),
    step(
        240,
        "Move between cat and cow on hands and knees, slowly.",
        (
            0,
            "When you are ready, come to hands and knees, with a cushion under the knees if you like.",
        ),
        (
            50,
            "Breathing in, let the belly drop and the chest open. Breathing out, round the back gently.",
        ),
        (150, "Slowly, in your own rhythm. Smaller is fine."),
    ),
    step(
        240,
        "Rest in child's pose, supported with cushions if needed.",
        (
            0,
            "Sit back towards your heels into child's pose, with cushions under the chest if that helps.",
        ),
        (90, "Let the back widen as you breathe."),
    ),
    step(
        240,
        "Try a gentle supine twist on each side.",
        (0, "Come onto your back again, knees bent. Let both knees tip slowly to one side."),
        (100, "And now to the other side. Only as far as is comfortable."),
    ),
    step(
        240,
        "End in a comfortable resting position for a few minutes.",
        (0, "Find a comfortable resting position, and let the body be still."),
        (120, "Notice how the back feels now, just as it is."),
    ),
]

PILATES: list[Step] = [
    step(
        240,
        "Lie on your back with knees bent and find a neutral spine.",
        (0, "Lie on your back with your knees bent and your feet flat."),
        (40, "Let the spine rest in its natural curves, not pressed down, not arched."),
    ),
    step(
        240,
        "Breathe wide into the ribs; on the out-breath, gently draw the belly in.",
        (0, "Breathe wide into the sides of the ribs."),
        (
            40,
            "On the out-breath, gently draw the lower belly in, a little, without holding your breath.",
        ),
    ),
    step(
        240,
        "Add slow heel slides, one leg at a time.",
        (0, "Slide one heel slowly away along the floor, and back. Then the other."),
        (120, "Keep the pelvis quiet and the breath easy. Rest whenever you like."),
    ),
    step(
        240,
        "Try small pelvic curls, rolling up and down through the spine.",
        (0, "If it feels fine today, curl the pelvis up a little, and roll back down slowly."),
        (120, "A small curl is enough. Skip this step if it does not suit your back today."),
    ),
    step(
        240,
        "Rest and notice the support around the lower back.",
        (0, "Rest on your back. Notice the support around the lower back."),
    ),
]

FELDENKRAIS: list[Step] = [
    step(
        150,
        "Lie on your back and notice how the body meets the floor.",
        (0, "Lie on your back and notice how the body meets the floor."),
        (50, "Which parts press down clearly, and which barely touch?"),
    ),
    step(
        240,
        "Slowly let both knees tip to one side, then back, a little at a time.",
        (
            0,
            "With knees bent, let both knees tip slowly to one side, then come back to the middle.",
        ),
        (90, "Only a little way. Easy, and slow, as if you had all day."),
    ),
    step(
        150,
        "Notice what else moves: the ribs, the head, the breath.",
        (0, "Notice what else joins the movement: the ribs, the head, the breath."),
    ),
    step(
        210,
        "Repeat to the other side, comparing without judging.",
        (0, "Now let the knees tip to the other side, and back."),
        (80, "Compare the two sides with curiosity. Different is simply different."),
    ),
    step(
        150,
        "Rest and scan again: has the contact with the floor changed?",
        (0, "Rest with your legs long or knees bent, as you prefer."),
        (40, "Notice the floor under you again. Has the contact changed?"),
    ),
]

MORNING_CHECK_IN: list[Step] = [
    step(
        30,
        "Before getting up, take three slow breaths.",
        (0, "Good morning. Before you get up, take three slow breaths."),
    ),
    step(
        45,
        "Notice how the back feels, and one place that feels neutral or good.",
        (0, "Notice how your back feels, and one place that feels neutral, or good."),
    ),
    step(
        40,
        "Note how you slept and how stressed you feel, 0 to 10.",
        (0, "How did you sleep? And how stressed do you feel, from zero to ten?"),
    ),
    step(
        35,
        "Name an emotion or two, without needing to change them.",
        (0, "Name an emotion or two that are here, without needing to change them."),
    ),
    step(
        30,
        "Choose one kind thing to do for your body today.",
        (0, "Choose one kind thing to do for your body today."),
    ),
]
