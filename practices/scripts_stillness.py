"""Spoken scripts for the practices done lying or sitting still.

Each step has its length in seconds and the text shown on the page; each cue is
spoken `at` seconds into its step. Long silences are on purpose: the practice
happens between the words. The words invite and never promise a cure.
"""

from __future__ import annotations

from practices.script_types import Step, step

BODY_SCAN: list[Step] = [
    step(
        60,
        "Lie down or sit supported. Let your eyes close, or rest your gaze on the floor.",
        (
            0,
            "Welcome. Find a position that is comfortable enough for now, lying down or sitting supported.",
        ),
        (18, "If it feels right, let your eyes close. Or let your gaze rest softly on the floor."),
        (
            36,
            "Let whatever is underneath you take some of your weight. There is nothing to do yet.",
        ),
    ),
    step(
        90,
        "Start at your feet. Notice temperature, contact, pressure, or nothing at all.",
        (0, "Bring your attention down to your feet."),
        (
            20,
            "Notice whatever is there: warmth or coolness, the touch of socks or air, pressure at the heels.",
        ),
        (58, "If you notice nothing at all, that is fine too. Noticing nothing is still noticing."),
    ),
    step(
        120,
        "Move up through the legs, hips and pelvis, a little at a time.",
        (0, "Let your attention move slowly up, through the ankles and the lower legs."),
        (
            32,
            "Now the knees, and the thighs. Heavy or light, still or restless, whatever is there.",
        ),
        (70, "Let attention rest in the hips and the pelvis, where the body meets the surface."),
        (100, "If the mind has wandered, that is what minds do. Gently come back to the hips."),
    ),
    step(
        120,
        "Linger at the lower and mid back. Name what you find: tight, warm, heavy, soft.",
        (
            0,
            "Now, gently, bring attention to the lower back. You can stay at the edges if that feels better.",
        ),
        (34, "You might name what you find, quietly: tight, warm, heavy, soft, or something else."),
        (68, "Let the breath move near this place, without asking anything of it."),
        (96, "Move up to the middle of the back, between the shoulder blades. Just noticing."),
    ),
    step(
        120,
        "Continue through the shoulders, neck, jaw and face.",
        (0, "Let attention rise to the shoulders. Notice whether they are lifted or resting."),
        (32, "Now the neck, front and back. There is no right way for it to feel."),
        (62, "Notice the jaw. If it wants to soften, let it. If not, that is fine."),
        (92, "And the face: the eyes, the forehead, the small muscles around the mouth."),
    ),
    step(
        90,
        "Finish with the whole body at once, breathing as it wants to.",
        (
            0,
            "Now widen your attention to take in the whole body at once, breathing as it wants to.",
        ),
        (34, "Notice one place that feels neutral or at ease, however small."),
        (
            62,
            "When you are ready, let some movement come back: fingers, toes, a stretch if it feels good.",
        ),
    ),
]

SOMATIC_TRACKING: list[Step] = [
    step(
        40,
        "Find a comfortable position and take two slow breaths.",
        (0, "Find a position that is comfortable enough for now, and take two slow breaths."),
    ),
    step(
        60,
        "Bring gentle attention to one sensation, such as an ache in the lower back.",
        (0, "Choose one sensation to be curious about, perhaps an ache in the lower back."),
        (24, "Come close to it only as much as feels safe. You decide the distance."),
    ),
    step(
        70,
        "Describe it to yourself: size, edges, temperature, movement.",
        (
            0,
            "Describe it to yourself, like a friendly scientist. How big is it? Does it have edges?",
        ),
        (32, "Is it warm or cool? Still, or moving? Sharp, dull, pulsing?"),
    ),
    step(
        50,
        "Remind yourself that you are safe right now; this is a signal, not damage.",
        (
            0,
            "You might remind yourself: I am safe right now. This is a signal, and I can listen to it.",
        ),
    ),
    step(
        50,
        "Notice any change, however small: spreading, softening, pulsing.",
        (
            0,
            "Notice whether anything shifts, however small. Spreading, softening, or staying the same.",
        ),
    ),
    step(
        30,
        "If it gets too much, move attention to a neutral place, then come back.",
        (
            0,
            "If it feels like too much, rest your attention on your hands or feet. Then let yourself come back.",
        ),
    ),
]

BREATH_ANCHORING: list[Step] = [
    step(
        45,
        "Choose an anchor: the nostrils, the chest, or the belly rising and falling.",
        (0, "Choose a place where you can feel the breath: the nostrils, the chest, or the belly."),
    ),
    step(
        75,
        "Rest your attention there for a few breaths.",
        (0, "Rest your attention there. The breath does not need to change."),
        (40, "In, and out. Just this breath."),
    ),
    step(
        60,
        "When the mind wanders to pain or plans, notice where it went.",
        (0, "When the mind wanders, to pain, or to plans, just notice where it went."),
    ),
    step(
        80,
        "Kindly come back to the anchor, as many times as needed.",
        (0, "And kindly come back to the anchor. As many times as you need. Each return counts."),
        (48, "Back to the breath, in its own rhythm."),
    ),
    step(
        40,
        "Before you finish, notice how the back feels now.",
        (
            0,
            "Before you finish, notice how your back feels now, without needing it to be different.",
        ),
    ),
]

PENDULATION: list[Step] = [
    step(
        70,
        "Find a place in the body that feels neutral or pleasant: hands, feet, belly.",
        (
            0,
            "Look for a place in the body that feels neutral, or even pleasant. The hands, the feet, the belly.",
        ),
        (36, "Any place will do, however small. Let your attention settle there."),
    ),
    step(
        70,
        "Stay there for a few breaths and let the ease register.",
        (0, "Stay with this place of ease for a few breaths. Let it register."),
    ),
    step(
        60,
        "Move attention to the uncomfortable area, briefly and gently.",
        (0, "Now, briefly and gently, let your attention visit the place that is uncomfortable."),
        (30, "Only as close as feels all right. Just for a moment."),
    ),
    step(
        60,
        "Return to the place of ease.",
        (0, "And return to the place of ease. Let it welcome you back."),
    ),
    step(
        150,
        "Swing back and forth at your own pace, a few times.",
        (0, "Let attention swing back and forth at your own pace, between ease and discomfort."),
        (50, "Ease. Then a short visit. Then ease again."),
        (100, "There is no right number of swings. Follow your own timing."),
    ),
    step(
        70,
        "End on the place of ease.",
        (0, "To finish, rest on the place of ease, and stay there for a while."),
        (44, "Notice how the whole body feels now."),
    ),
]

MINDFUL_BREATHING: list[Step] = [
    step(
        60,
        "Sit upright but relaxed, supported if you need it.",
        (0, "Sit in a way that is upright but relaxed, with support if you need it."),
        (30, "Let your eyes close, or rest your gaze low."),
    ),
    step(
        180,
        "Follow the breath in and out without controlling it.",
        (0, "Follow the breath as it comes in, and as it goes out. No need to control it."),
        (70, "Notice the small pause between one breath and the next."),
        (130, "Just this breath, and then the next."),
    ),
    step(
        150,
        "Label thoughts lightly, 'thinking', and return to the breath.",
        (
            0,
            "When a thought arrives, you can label it lightly, thinking, and return to the breath.",
        ),
        (80, "Thoughts will come and go. You do not need to follow them."),
    ),
    step(
        150,
        "Let sensations in the back be there alongside the breath.",
        (0, "If there are sensations in the back, let them be there alongside the breath."),
        (80, "Breath, and sensation, side by side. Neither has to win."),
    ),
    step(
        60,
        "Close with a few deeper breaths and open your eyes.",
        (0, "To close, take a few slightly deeper breaths, and open your eyes when you are ready."),
    ),
]

GUIDED_VISUALISATION: list[Step] = [
    step(
        60,
        "Settle and take a few slow breaths.",
        (0, "Settle in and take a few slow breaths. Close your eyes if that feels comfortable."),
    ),
    step(
        150,
        "Picture a place where you feel safe, with as much detail as you like.",
        (0, "Picture a place where you feel safe. Real or imagined, near or far."),
        (50, "Notice what you see there, the colours and the light."),
        (100, "What can you hear? What is the air like on your skin?"),
    ),
    step(
        150,
        "Imagine warmth or light spreading through the lower back.",
        (0, "Imagine a gentle warmth, or a soft light, arriving in the lower back."),
        (70, "Let it spread at its own pace, only as far as feels good."),
    ),
    step(
        150,
        "Picture the spine lengthening and the muscles around it softening.",
        (0, "Picture the spine lengthening a little, and the muscles beside it softening."),
        (80, "Space between each vertebra, like beads on a loose thread."),
    ),
    step(
        90,
        "Stay with the image, then slowly return to the room.",
        (0, "Stay with the image for a while. It is yours to come back to."),
        (55, "When you are ready, slowly return to the room, and let your eyes open."),
    ),
]

VAGUS_NERVE: list[Step] = [
    step(
        90,
        "Breathe in for a count of four and out for a count of eight, several times.",
        (0, "Breathe in for a count of four, and out, slowly, for a count of eight."),
        (36, "If eight feels long, a shorter out-breath is fine. Longer out than in is enough."),
    ),
    step(
        70,
        "Hum on the out-breath and feel the vibration in the chest and throat.",
        (0, "On the next out-breath, try a gentle hum. Feel it in the chest and the throat."),
    ),
    step(
        50,
        "If you like, splash cool water on your face or hold something cool.",
        (
            0,
            "If you like, splash some cool water on your face, or hold something cool in your hands.",
        ),
    ),
    step(
        40,
        "Let a smile or laugh happen if it comes; it counts.",
        (0, "If a smile or a laugh comes, let it. It counts."),
    ),
    step(
        50,
        "Notice any change in the shoulders, jaw and back.",
        (
            0,
            "Now notice the shoulders, the jaw, and the back. Has anything changed, even slightly?",
        ),
    ),
]
