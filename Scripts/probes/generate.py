#!/usr/bin/env python3
"""Generates the coverage probes in Corpus/probes/: every common advice verb in every
advice frame, every common feeling word in every reflection frame, and near misses
that must stay quiet.

The word lists here are written independently of the rules and of the lexicon files,
so the probes measure how much of ordinary language the rules' frames and lists reach,
not whether a list agrees with itself. Output is deterministic; `--check` fails when the
committed files differ from what this script writes (nobody edits them by hand).

    python3 Scripts/probes/generate.py            # rewrite Corpus/probes/*.jsonl
    python3 Scripts/probes/generate.py --check    # exit 1 if they are stale
    attune eval Corpus/probes/advice.jsonl        # coverage per category
"""
import json
import sys
from pathlib import Path

# Common advice verbs, each with a complement that makes a natural instruction:
# (base, -ing form, rest of the clause).
ADVICE = [
    ("ask", "asking", "for help"), ("apply", "applying", "for another job"),
    ("apologize", "apologizing", "to her first"), ("avoid", "avoiding", "him for a while"),
    ("block", "blocking", "his number"), ("book", "booking", "a doctor's appointment"),
    ("break", "breaking", "up with him"), ("breathe", "breathing", "slowly for a minute"),
    ("buy", "buying", "a new mattress"), ("call", "calling", "your sister"),
    ("cancel", "cancelling", "the trip"), ("change", "changing", "teams"),
    ("check", "checking", "your bank statements"), ("clean", "cleaning", "your room first"),
    ("confront", "confronting", "your manager"), ("consider", "considering", "a career change"),
    ("contact", "contacting", "a lawyer"), ("cut", "cutting", "back on coffee"),
    ("delete", "deleting", "the app"), ("distract", "distracting", "yourself with a movie"),
    ("drink", "drinking", "more water"), ("drop", "dropping", "the class"),
    ("eat", "eating", "something before bed"), ("email", "emailing", "the professor"),
    ("exercise", "exercising", "every morning"), ("find", "finding", "a new roommate"),
    ("focus", "focusing", "on your studies"), ("forget", "forgetting", "about him"),
    ("forgive", "forgiving", "your dad"), ("get", "getting", "more sleep"),
    ("give", "giving", "it another month"), ("go", "going", "for a run"),
    ("hire", "hiring", "a tutor"), ("ignore", "ignoring", "her messages"),
    ("join", "joining", "a support group"), ("journal", "journaling", "before bed"),
    ("keep", "keeping", "a diary of your moods"), ("leave", "leaving", "that job"),
    ("let", "letting", "it go"), ("limit", "limiting", "your screen time"),
    ("listen", "listening", "to some calm music"), ("look", "looking", "for a new place"),
    ("lower", "lowering", "your expectations"), ("make", "making", "a list of pros and cons"),
    ("meditate", "meditating", "for ten minutes a day"), ("move", "moving", "out"),
    ("negotiate", "negotiating", "a raise"), ("offer", "offering", "to split the rent"),
    ("plan", "planning", "your week on Sunday"), ("practice", "practicing", "with a friend"),
    ("prepare", "preparing", "your answers in advance"), ("prioritize", "prioritizing", "your health"),
    ("put", "putting", "your phone away at night"), ("quit", "quitting", "your job"),
    ("read", "reading", "a book about anxiety"), ("reach", "reaching", "out to your friends"),
    ("relax", "relaxing", "with a bath"), ("remind", "reminding", "him of the deadline"),
    ("report", "reporting", "him to HR"), ("rest", "resting", "this weekend"),
    ("return", "returning", "the dress"), ("save", "saving", "some money each month"),
    ("schedule", "scheduling", "a meeting with your boss"), ("see", "seeing", "a therapist"),
    ("sell", "selling", "the car"), ("send", "sending", "her a letter"),
    ("set", "setting", "a boundary with your mom"), ("skip", "skipping", "the party"),
    ("sleep", "sleeping", "on it"), ("speak", "speaking", "to your teacher"),
    ("spend", "spending", "more time outside"), ("start", "starting", "a new hobby"),
    ("stay", "staying", "off social media"), ("stop", "stopping", "texting him"),
    ("study", "studying", "a little every day"), ("switch", "switching", "to decaf"),
    ("take", "taking", "a day off"), ("talk", "talking", "to your partner"),
    ("tell", "telling", "your boss no"), ("text", "texting", "him back tomorrow"),
    ("think", "thinking", "about what you really want"), ("travel", "traveling", "somewhere new"),
    ("try", "trying", "yoga"), ("turn", "turning", "your phone off at night"),
    ("unfollow", "unfollowing", "her on Instagram"), ("update", "updating", "your resume"),
    ("visit", "visiting", "your GP"), ("volunteer", "volunteering", "at the shelter"),
    ("wait", "waiting", "a few days before you reply"), ("walk", "walking", "away from the argument"),
    ("wear", "wearing", "earplugs"), ("write", "writing", "down what you feel"),
]

ADVICE_FRAMES = [
    "{Base} {rest}.",
    "Just {base} {rest}.",
    "You should {base} {rest}.",
    "You need to {base} {rest}.",
    "I'd recommend you {base} {rest}.",
    "My advice is to {base} {rest}.",
    "The best thing is to {base} {rest}.",
    "It is important to {base} {rest}.",
    "Have you considered {ing} {rest}?",
    "You'll need to {base} {rest}.",
    "Why don't you {base} {rest}?",
    "It might help to {base} {rest}.",
    "Maybe {base} {rest}.",
    "I think you should {base} {rest}.",
]

# Near misses: the same verbs in the speaker's own plans, asked permission for, or as an
# offer of help; none of them is fixing.
ADVICE_NEAR_MISSES = [
    "I'm going to {base} {rest} tomorrow.",
    "Yesterday I decided to {base} {rest}.",
]

# Common feeling words people name in themselves, independent of the lexicon files.
FEELINGS = [
    "afraid", "alone", "angry", "annoyed", "anxious", "ashamed", "betrayed", "bitter",
    "bored", "broken", "burnt out", "confused", "crushed", "defeated", "dejected",
    "depressed", "desperate", "devastated", "disappointed", "discouraged", "disgusted",
    "distraught", "drained", "embarrassed", "empty", "envious", "exhausted", "excluded",
    "fed up", "frightened", "frustrated", "furious", "grieving", "guilty", "heartbroken",
    "helpless", "hopeless", "humiliated", "hurt", "ignored", "impatient", "inadequate",
    "insecure", "irritated", "isolated", "jealous", "left out", "lonely", "lost",
    "miserable", "misunderstood", "nervous", "numb", "offended", "on edge", "overwhelmed",
    "panicked", "powerless", "rejected", "resentful", "restless", "sad", "scared",
    "shaken", "shocked", "sick of it", "stressed", "stuck", "terrified", "tired", "torn",
    "trapped", "unappreciated", "uncertain", "uncomfortable", "unhappy", "unheard",
    "unloved", "unsafe", "unsure", "upset", "useless", "vulnerable", "weary", "worn out",
    "worried", "worthless", "ambivalent", "conflicted", "homesick", "regretful",
    "apprehensive", "uneasy", "disheartened", "let down", "taken for granted",
    "overlooked", "drained", "hurt", "relieved", "proud", "excited", "grateful",
    "hopeful", "happy", "thrilled", "nostalgic", "bittersweet", "mad",
]

REFLECTION_FRAMES = [
    "It sounds like you're feeling {f}.",
    "So you're feeling {f}.",
    "You're {f}.",
    "You must be {f}.",
    "You seem {f}.",
    "I can tell you're {f}.",
    "So you're {f} that he didn't call.",
    "You've been feeling {f} for a while.",
    "Sounds like you felt {f}.",
    "I can hear how {f} you are.",
]

# The same feeling words in sentences that do not reflect the other person's feeling.
REFLECTION_NEAR_MISSES = [
    "I was {f} when the train was late this morning.",
]


def records():
    """Yields (file name, record) pairs in a fixed order."""
    seen = set()
    for base, ing, rest in ADVICE:
        for index, frame in enumerate(ADVICE_FRAMES):
            text = frame.format(Base=base.capitalize(), base=base, ing=ing, rest=rest)
            yield "advice.jsonl", {"id": f"advice-{base}-{index + 1}", "context": None, "text": text,
                                   "labels": ["fixing"]}
        for index, frame in enumerate(ADVICE_NEAR_MISSES):
            text = frame.format(base=base, rest=rest)
            yield "advice.jsonl", {"id": f"advice-{base}-near-{index + 1}", "context": None, "text": text,
                                   "labels": []}
    for feeling in FEELINGS:
        if feeling in seen:
            continue
        seen.add(feeling)
        slug = feeling.replace(" ", "-")
        for index, frame in enumerate(REFLECTION_FRAMES):
            yield "reflections.jsonl", {"id": f"reflect-{slug}-{index + 1}", "context": None,
                                        "text": frame.format(f=feeling), "labels": ["validating"]}
        for index, frame in enumerate(REFLECTION_NEAR_MISSES):
            yield "reflections.jsonl", {"id": f"reflect-{slug}-near-{index + 1}", "context": None,
                                        "text": frame.format(f=feeling), "labels": []}


def render():
    files = {}
    for name, record in records():
        files.setdefault(name, []).append(json.dumps(record, ensure_ascii=False))
    return {name: "\n".join(lines) + "\n" for name, lines in files.items()}


def main():
    folder = Path(__file__).resolve().parents[2] / "Corpus" / "probes"
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in render().items():
        path = folder / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale probe files (run Scripts/probes/generate.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
