#!/usr/bin/env python3
"""Generates attune's verb and feeling lexicons from WordNet 3.x.

    python3 Scripts/lexicon/generate.py [WORDNET_DIR]            # write the files
    python3 Scripts/lexicon/generate.py --check [WORDNET_DIR]    # fail if they differ
    python3 Scripts/lexicon/generate.py --report [WORDNET_DIR]   # what curation left open

WORDNET_DIR holds WordNet's database files (index.verb, data.*, verb.exc, cntlist.rev);
it defaults to Debian's /usr/share/wordnet (`apt-get install wordnet-base`). A folder
with a `dict/` inside (Princeton's own tarball) works too.

Writes, relative to the repository root:
  Rules/lexicon/verbs.yaml      verbs, verbs_ambiguous, verbs_s, verbs_ing, verbs_past,
                                verbs_participle, phrasal_verbs
  Rules/lexicon/feelings.yaml   feelings_negative, feelings_positive, feelings_mixed,
                                feeling_nouns_negative, feeling_nouns_positive,
                                feeling_nouns_mixed
  Scripts/lexicon/feelings-not-in-wordlists.txt
                                feeling words of feelings.yaml that the hand-written
                                @feelings, @negative_feelings and @positive_feelings of
                                Rules/lexicon/wordlists.yaml do not have

Python 3 standard library only; the output depends on nothing but the WordNet files,
Rules/lexicon/normalization.yaml, Rules/lexicon/wordlists.yaml and the curated lists
below, so two runs write the same bytes. See README.md beside this file.
"""

import argparse
import difflib
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_WORDNET = "/usr/share/wordnet"
VERBS_FILE = "Rules/lexicon/verbs.yaml"
FEELINGS_FILE = "Rules/lexicon/feelings.yaml"
NEW_FEELINGS_FILE = "Scripts/lexicon/feelings-not-in-wordlists.txt"


def words(text):
    """A curated list written as text: entries separated by commas (an entry may wrap
    onto the next line), `#` comments to the end of the line."""
    text = " ".join(line.split("#", 1)[0] for line in text.splitlines())
    return [" ".join(item.split()) for item in text.split(",") if item.strip()]


def reasons(text):
    """`word, word: reason` entries -> {word: reason}. An entry starts at the least
    indented lines; more indented lines continue it; `#` lines are comments."""
    lines = [line for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    if not lines:
        return {}
    margin = min(len(line) - len(line.lstrip()) for line in lines)
    entries = []
    for line in lines:
        if len(line) - len(line.lstrip()) == margin:
            entries.append(line.strip())
        else:
            entries[-1] += " " + line.strip()
    out = {}
    for entry in entries:
        names, colon, why = entry.partition(":")
        if not colon:
            raise SystemExit(f"curated list: no reason after '{entry[:40]}...'")
        for name in words(names):
            if name in out:
                raise SystemExit(f"curated list: '{name}' is listed twice")
            out[name] = why.strip()
    return out


# =====================================================================================
# Curation: verbs
# =====================================================================================

# Single-word verbs are taken from index.verb when WordNet's sense-tagged corpus
# (cntlist.rev: how often each sense was tagged in SemCor) has seen them at least this
# often, summed over their senses; ties and order use tagsense_cnt, then the number of
# senses (synset_cnt) from index.verb. 5 keeps about 1,550 verbs: "recommend" (56),
# "apologize" (3) and "vent" (3) fall either side of it, hence the include list.
MIN_VERB_TAG_COUNT = 5

# A noun, adjective or adverb reading this many times commoner than the verb reading
# (SemCor tag counts of the same spelling) makes the base form ambiguous: at the start
# of a sentence "head", "time", "back" or "last" is not a command.
NOUN_DOMINANCE = 3

# Verbs WordNet ranks below the cut, or lacks (WordNet 3.0 is from 2006: no "text",
# "google", "unfollow"), that advice is made of. Each is a real verb in chat English.
INCLUDE_VERBS = words("""
    apologize, apologise, budget, cheer, chill, cuddle, date, delete, distract, ditch,
    document, downsize, email, ghost, google, grieve, heal, hike, hydrate, jog, log,
    meditate, message, mute, nap, organise, pamper, practise, prioritize, prioritise,
    process, rant, reassess, recharge, reevaluate, refocus, regroup, relocate,
    reschedule, research, rethink, snooze, socialize, socialise, splurge, toughen,
    unplug, unwind, update, upgrade, vent, medicate, detox, unfriend, unfollow, unmatch,
    uninstall, unsubscribe, declutter, reframe, screenshot, text, journal, prep, dm,
    overthink, overshare, binge, vape, facetime, babysit, forgive, confide, decompress,
    hug, reconnect, communicate, compromise, delegate, mediate
""")

# Spellings WordNet lists as verbs that are not verbs in use, or that no reply uses:
# left out of every list.
DROP_VERBS = reasons("""
    will, can: modal verbs; WordNet's "will" (bequeath) and "can" (preserve in cans) are
        rare, and their forms (wills, canned) would pose as modal uses
    sorb, purl, illumine, birdie, centrifuge, instal, secede, solder, sprawl: technical or
        archaic verbs; nothing in a reply
""")

# Common verbs whose bare form at the start of a sentence or clause is usually not a
# command: the verb with its subject dropped ("thank you", "love you", "hope you're
# ok", "hate that for you", "feel you", "miss you"), a discourse marker ("look,",
# "listen,", "wait, what?", "mind you", "I mean", "like,"), an interjection ("come on",
# "damn", "bless", "sigh") or an offer ("want to talk?", "need anything?"). They stay
# out of `verbs` (rules that mean a command use `verbs`) and are listed in
# `verbs_ambiguous`; their inflected forms are in the other lists as usual.
AMBIGUOUS_VERBS = reasons("""
    thank: "thank you" thanks, it does not command
    love: "love you", "love this for you": the subject "I" is dropped
    hope: "hope you feel better": I hope
    hate: "hate that for you": I hate
    miss: "miss you": I miss
    wish: "wish I could help": I wish
    guess: "guess what", "guess I'll...": a discourse opener
    bet: "bet that hurt": I bet
    suppose: "suppose so": I suppose
    feel: "feel you", "feel that": I feel; "feel better" wishes well
    hear: "hear you": I hear you, a validation
    agree: "agree 100%": I agree
    understand: "understand completely": I understand
    appreciate: "appreciate you": I appreciate
    relate: "relate so much": I relate
    respect: "respect.": I respect that
    promise: "promise it gets better": I promise
    swear: "swear to god": I swear
    imagine: "imagine that", "imagine having a boss like that": rhetorical
    wonder: "wonder if...": I wonder
    mean: "mean" the adjective; "I mean" as an opener
    like: a filler and a preposition ("like, honestly")
    mind: "mind you": a discourse marker
    look: "look, ...": a discourse opener; its advice uses are phrasal (look into, look for)
    listen: "listen, ...": a discourse opener; "listen to" is phrasal
    wait: "wait, what?": an interjection
    come: "come on": an interjection; come over/back are phrasal
    please: a politeness marker before the real verb ("please just rest")
    excuse: "excuse me"
    welcome: "welcome back", "welcome to the club"
    bless: "bless you", "bless her heart"
    damn: an interjection
    screw: "screw him", "screw that": an interjection of contempt
    sigh: "sigh." in chat narrates, it does not command
    shrug: "*shrug*" in chat narrates
    want: "want to talk?", "want me to come over?": an offer, the question's "do you" dropped
    need: "need anything?", "need a hug?": an offer, the question's "do you" dropped
    kid: "kid" the noun; "no kidding"
    sound: "sound" the adjective and noun ("sound advice")
    matter: "matter of fact"; "no matter"
    last: "last time", "last night": an adjective
    long: "long day", "long story": an adjective
    down: "down bad", "down to talk": an adverb or adjective
    back: "back then", "back to work": an adverb
    further: "further, ...": an adverb
    near: "near the end": a preposition
    free: "free time", "free for coffee": an adjective
    clear: "clear as day": an adjective
    empty: an adjective ("empty inside")
    calm: an adjective ("calm now"); "calm down" is phrasal
    cool: "cool, ...": an interjection and adjective
    time: a noun ("time heals")
    work: a noun ("work is killing me"); the verb's advice is phrasal (work on, work out)
    house: a noun
""")

# Ambiguous by the noun-dominance test above, but commands in advice often enough to
# stay in `verbs` ("block him", "book a session", "face it", "experience it fully").
KEEP_DESPITE_NOUNS = words("""
    block, book, face, question, contact, smoke, picture, experience, light, plant,
    name, point, figure, mark, color, water, number, level, sample, heat, own, reason
""")

# Phrasal verbs: multi-word verbs of index.verb seen at least this often in SemCor
# whose words after the first are particles or prepositions (no "one's", no object).
MIN_PHRASAL_TAG_COUNT = 4
PARTICLES = set(words("""
    up, down, out, off, on, in, into, over, back, away, through, about, around, along,
    across, after, at, for, from, to, with, by, apart, together, aside, forward, ahead,
    behind, upon, under, against, round, of, onto
"""))

# Common phrasal verbs of advice and feeling that WordNet ranks low or lacks.
INCLUDE_PHRASAL = words("""
    calm down, reach out, reach out to, cut back, cut back on, look into, talk to,
    talk about, talk it out, talk through, open up, open up to, back off, chill out,
    speak up, stand up for, cut off, move on, let go, get over, step back, step away,
    take a break, lie down, check in, check in on, check out, sign up, figure out,
    sort out, think about, think through, deal with, cope with, get through, hang out,
    cheer up, lighten up, toughen up, man up, suck it up, get help, get out, walk away,
    reach out for, vent to, lean on, rely on, count on, look after, take care of,
    look out for, slow down, wind down, sleep on, breathe through, write down, let out,
    get it out, cry it out, work on, work through, work out, go for, go out, go back,
    get back, get away, get some rest, hold off, hold back, give up, give in, shake off,
    brush off, laugh off, shrug off, snap out of, get over it, move out, move in,
    break up, break up with, make up, make up with, patch up, follow up, follow up on,
    catch up, catch up with, log off, log out, switch off, shut down, wake up, grow up,
    show up, stand up, sit down, speak out, call out, call off, put down, put up with,
    get rid of, get along, get along with, come up with, look forward to, keep up,
    stay away, stay away from, keep away, block out, tune out, zone out, freak out,
    blow up, blow off, mess up, screw up, give back, pay off, save up, stock up, pick up,
    drop out, drop off, opt out, back out, pull out, pull back, pull through, bounce back,
    push back, push through, power through, ride out, wait out, sit with, be kind to
""")

# Multi-word lemmas that qualify by shape but are not advice or feeling verbs, or are
# interjections at the start of a clause.
EXCLUDE_PHRASAL = reasons("""
    come on: an interjection ("come on, it's not that bad")
    hold on, hang on: interjections ("hold on, what?")
    go on: "go on, ..." urges; "what's going on" asks
    come in, go in: literal movement, and "come in handy" is not advice
    be born, be due: not phrasal verbs of action
    lie in, rest on, belong to, account for, act as, regard as, view as,
        conform to: relations of things, never said to a person
    be after, originate in, write of, talk of, date from, date back, spread over, stay at,
        extend to, escape from, center on, bear on, border on, conceive of, cut across,
        point up, file out, drive in, wash down, huddle together, lean against, persist in,
        attach to, spin around, reach into, fan out, level off, ring out, seal off,
        touch off, choke off: literal, technical or literary; not what people say to
        each other about a problem
""")


# =====================================================================================
# Curation: feelings
# =====================================================================================
#
# WordNet has no valence. The valence of each feeling word is decided by hand, by one
# question: when someone says "I feel X" or "I'm so X", is X something they would
# rather not feel (negative), something pleasant (positive), or both at once or either
# by context (mixed: torn, ambivalent, bittersweet, nostalgic, surprised, emotional)?
# Words for how one is treated ("ignored", "judged", "taken for granted") count as
# feelings: that is how people name them ("I feel ignored"), and a reply should hear
# them as such. Entries are in the engine's token form: lowercase, hyphens as spaces
# ("grief stricken", "self conscious"), no apostrophes, no negators.

FEELINGS_NEGATIVE = words("""
    abandoned, aching, afraid, aggravated, aggrieved, agitated, alarmed, alienated,
    alone, angered, angry, anguished, annoyed, antsy, anxious, apathetic, appalled,
    apprehensive, ashamed, at a loss, awkward, belittled, bereaved, bereft, betrayed,
    bitter, blah, blindsided, bored, bothered, broken, broken hearted, broken up,
    brokenhearted, bruised, bugged, bullied, bummed, bummed out, burdened, burned out,
    burnt out, cheated, claustrophobic, concerned, cornered, crabby, cranky, creeped
    out, crestfallen, criticised, criticized, crushed, cynical, daunted, deceived,
    defeated, defensive, deflated, degraded, dehumanised, dehumanized, dejected,
    demeaned, demoralised, demoralized, depleted, depressed, desolate, despairing,
    desperate, despondent, destroyed, detached, devastated, disappointed, disconcerted,
    disconnected, disconsolate, discontent, discontented, discouraged, disenchanted,
    disgruntled, disgusted, disheartened, disillusioned, disliked, dismayed, dismissed,
    disoriented, dispirited, displeased, disrespected, dissatisfied, distant,
    distracted, distraught, distressed, disturbed, down, downcast, downhearted, drained,
    dreading, edgy, embarrassed, embittered, emotionless, empty, enraged, envious,
    estranged, exasperated, excluded, exhausted, exposed, fatigued, fearful, fed up,
    fidgety, flustered, forgotten, forlorn, fragile, frantic, frazzled, freaked out,
    freaking out, frightened, frustrated, fuming, furious, gaslit, gloomy, glum, grief
    stricken, grieving, grossed out, grouchy, grumpy, guilt ridden, guilty, gutted,
    harassed, hassled, hated, haunted, heartbroken, heartsick, heavy hearted,
    heavyhearted, helpless, hollow, homesick, hopeless, horrified, hostile, humiliated,
    hurt, hurting, ignored, ill at ease, impatient, inadequate, incensed, incompetent,
    inconsolable, indignant, inferior, infuriated, insecure, insignificant, insulted,
    intimidated, invalidated, invisible, irate, irked, irritable, irritated, isolated,
    jaded, jealous, jittery, joyless, judged, jumpy, left out, let down, lethargic,
    listless, livid, lonely, lonesome, looked down on, lost, low, mad, manipulated,
    melancholic, melancholy, miffed, miserable, misjudged, mistreated, misunderstood,
    moody, mortified, mourning, neglected, nervous, numb, offended, on edge, out of
    sorts, outraged, over it, overextended, overloaded, overlooked, overstimulated,
    overwhelmed, overworked, pained, panic stricken, panicked, panicking, panicky,
    paralysed, paralyzed, paranoid, pathetic, patronised, patronized, peeved, perturbed,
    pessimistic, petrified, picked on, pissed, pissed off, powerless, preoccupied,
    pressured, pushed around, put down, rattled, raw, regretful, rejected, remorseful,
    replaceable, repulsed, resentful, restless, riled up, run down, sad, saddened,
    salty, scared, seething, self conscious, shaken, shaken up, shaky, shamed,
    shattered, sheepish, shocked, shook, shut out, sick and tired, sick of it, sickened,
    silenced, singled out, skittish, slighted, sluggish, smothered, snubbed, sorrowful,
    spent, spiraling, spiralling, spooked, startled, stressed, stressed out, stretched
    thin, struggling, stuck, stung, suffering, suffocated, suicidal, sullen, suspicious,
    swamped, taken for granted, tearful, teary, teary eyed, tense, terrified,
    threatened, ticked off, tired, tormented, torn up, tortured, touchy, trapped,
    traumatised, traumatized, tricked, triggered, troubled, unappreciated,
    uncomfortable, underappreciated, undervalued, uneasy, unfulfilled, unhappy, unheard,
    unimportant, unloved, unmotivated, unnerved, unprepared, unsafe, unsatisfied,
    unseen, unsettled, unsupported, unvalued, unwanted, unwelcome, unworthy, upset,
    uptight, useless, vengeful, vexed, vulnerable, wary, weary, weepy, weighed down,
    weirded out, wiped out, withdrawn, worked up, world weary, worn down, worn out,
    worried, worthless, wound up, wounded, wrecked, wretched
""")

FEELINGS_POSITIVE = words("""
    accepted, accomplished, adored, adventurous, affectionate, alive, amazed, amused,
    appreciated, appreciative, at ease, at peace, awestruck, blessed, blissful, blown
    away, brave, bubbly, buoyant, calm, capable, captivated, cared for, carefree,
    centered, centred, charmed, cheerful, cheery, cherished, chill, chilled out,
    chipper, chirpy, chuffed, clear headed, comfortable, comforted, compassionate,
    competent, composed, confident, connected, content, contented, cosy, courageous,
    cozy, curious, delighted, desired, determined, eager, ecstatic, elated, emboldened,
    empowered, enchanted, encouraged, energetic, energised, energized, entertained,
    enthralled, enthusiastic, euphoric, excited, exhilarated, exuberant, fascinated,
    fearless, fired up, flattered, focused, fulfilled, giddy, glad, gleeful, grateful,
    gratified, grounded, happy, healed, heartened, honored, honoured, hopeful, hyped,
    hyped up, impressed, in love, included, inspired, interested, intrigued,
    invigorated, jazzed, jolly, joyful, joyous, jubilant, liberated, light hearted,
    lighthearted, loved, loving, lucky, mellow, motivated, moved, on cloud nine, on top
    of the world, optimistic, over the moon, overjoyed, peaceful, playful, pleased,
    prepared, productive, proud, psyched, pumped, reassured, recharged, refreshed,
    rejuvenated, relaxed, relieved, renewed, respected, rested, restored, revived, safe,
    satisfied, secure, self assured, self confident, serene, settled, smitten, soothed,
    starstruck, stoked, supported, thankful, thrilled, tickled, tickled pink, touched,
    tranquil, treasured, triumphant, trusted, trusting, unafraid, upbeat, uplifted,
    validated, valued, vindicated, welcomed, worthy, zen
""")

FEELINGS_MIXED = words("""
    ambivalent, astonished, astounded, awed, baffled, bemused, bewildered, bittersweet,
    caught off guard, cautious, cautiously optimistic, choked up, conflicted, confused,
    dazed, discombobulated, dumbfounded, emotional, expectant, flabbergasted, floored,
    gobsmacked, guarded, half hearted, hesitant, humbled, in awe, in two minds,
    indecisive, indifferent, infatuated, keyed up, lovesick, lukewarm, meh, misty eyed,
    nonplussed, nostalgic, obsessed, of two minds, on the fence, pensive, perplexed,
    puzzled, reflective, resigned, sceptical, sensitive, sentimental, skeptical,
    speechless, stunned, surprised, taken aback, tender, torn, uncertain, unsure, weird,
    wired, wistful
""")

FEELING_NOUNS_NEGATIVE = words("""
    abandonment, agitation, agony, alarm, alienation, anger, angst, anguish, annoyance,
    anxiety, anxiousness, apathy, apprehension, awkwardness, betrayal, bitterness,
    boredom, burnout, contempt, dejection, depression, desolation, despair, desperation,
    despondency, disappointment, discomfort, discontent, discouragement, disgust,
    disillusionment, displeasure, dissatisfaction, distress, distrust, dread,
    embarrassment, emptiness, envy, exasperation, exhaustion, fatigue, fear,
    fearfulness, fright, frustration, fury, gloom, grief, guilt, hatred, heartache,
    heartbreak, heartsickness, helplessness, homesickness, hopelessness, horror,
    hostility, humiliation, hurt, impatience, inadequacy, indignation, insecurity,
    irritability, irritation, isolation, jealousy, loneliness, melancholy, misery,
    mistrust, moodiness, mortification, nervousness, numbness, outrage, overwhelm, pain,
    panic, paranoia, powerlessness, rage, regret, rejection, remorse, resentment,
    restlessness, sadness, self consciousness, self doubt, self hatred, self loathing,
    self pity, shame, shock, sorrow, sorrowfulness, stress, suffering, tension, terror,
    torment, trauma, trepidation, turmoil, unease, uneasiness, unhappiness, woe, worry,
    worthlessness, wrath
""")

FEELING_NOUNS_POSITIVE = words("""
    acceptance, admiration, affection, amusement, appreciation, belonging, bliss, calm,
    calmness, cheerfulness, closeness, comfort, compassion, confidence, connection,
    contentment, courage, curiosity, delight, determination, eagerness, ease, elation,
    empathy, enjoyment, enthusiasm, euphoria, excitement, exhilaration, fondness,
    fulfillment, fulfilment, gladness, glee, gratitude, happiness, hope, hopefulness,
    inspiration, intimacy, joy, joyfulness, jubilation, lightness, love, motivation,
    optimism, passion, peace, peace of mind, peacefulness, pleasure, pride, relaxation,
    relief, safety, satisfaction, security, self compassion, self worth, serenity,
    tenderness, thankfulness, thrill, tranquility, tranquillity, triumph, trust, warmth,
    zest
""")

FEELING_NOUNS_MIXED = words("""
    amazement, ambivalence, anticipation, astonishment, awe, bewilderment, confusion,
    longing, mixed feelings, nervous excitement, nostalgia, resignation, sentimentality,
    surprise, uncertainty, vulnerability, wistfulness, wonder, yearning
""")

# Feeling words WordNet's seeds do not propose (modern or chat usage, phrases, or
# participles of verbs outside verb.emotion). Listed so the split between what
# WordNet found and what curation added stays visible; `--check` fails when a word
# here is proposed by WordNet after all, or when a valenced word is neither here nor
# among the seeds.
# (computed lists below are checked, not trusted: see check_curation)

# WordNet candidates reviewed and left out, by reason. `--report` lists the
# candidates nobody has reviewed yet.
EXCLUDE_FEELINGS = reasons("""
    # rate the thing that causes the feeling, not the person: @hard_adjectives' job
    alarming, appalling, boring, depressing, disturbing, distressing, dismaying,
        embarrassing, frightening, heartbreaking, heartrending, harrowing, horrifying,
        humiliating, mortifying, nauseating, sickening, terrifying, troubling, unnerving,
        upsetting, worrisome, worrying, disquieting, perturbing, alienating,
        gratifying, enjoyable, pleasant, unpleasant, painful, tragic, traumatic, awful,
        terrible, horrible, dreadful, ghastly, nightmarish, bleak, dismal, dreary,
        grim, grievous, excruciating, agonizing, agonising, tiresome, tedious,
        wearisome, irksome, scary, scarey, creepy, fearsome, threatening, menacing,
        ominous, sinister, hateful, odious, loathsome, repugnant, repulsive, vile,
        oppressive, burdensome, onerous, taxing, difficult, hard, harsh, rough: the
        experience, not the feeler
    # a lasting trait of character or manner, not a feeling in the moment
    aggressive, arrogant, ambitious, amiable, affable, bashful, belligerent, callous,
        cocksure, conceited, cowardly, friendly, gentle, humble, kind, kindhearted,
        kind hearted, meek, modest, shy, timid, timorous, vain, haughty, smug,
        hardhearted, heartless, coldhearted, ruthless, merciless, malicious, spiteful,
        vindictive, cruel, sadistic, mischievous, naughty, stolid,
        phlegmatic, placid, impassive, imperturbable, unflappable, equable, even tempered,
        good natured, good humored, good humoured, ill natured, ill tempered,
        bad tempered, hot tempered, quick tempered, short tempered, irascible,
        choleric, splenetic, petulant, peevish, querulous, testy, tetchy, waspish,
        catty, bitchy, dour, morose, saturnine, solemn, serious, sober,
        earnest, sincere, devout, pious, reverent, zealous, fanatical, passionate,
        ardent, fervent, avid, keen, diffident, reserved, reticent, aloof, cold,
        cool, warm, warmhearted, tenderhearted, softhearted, sympathetic, empathetic,
        empathic, caring, considerate, charitable, generous,
        devoted, doting, faithful, loyal, selfless, impulsive, reckless,
        happy go lucky, devil may care, lackadaisical, nonchalant,
        insouciant, complacent, self satisfied, self important, megalomaniacal,
        possessive, protective, covetous, greedy,
        misanthropic, xenophobic, temperamental, volatile, capricious,
        whimsical, high strung, highly strung, thin skinned, thick skinned,
        oversensitive, touchy feely: a trait of character, not a feeling in the moment
    # too ambiguous as a token: the everyday sense is not a feeling
    black, blue, yellow, white, dark, bright, dead, cross, close, easy, still, quiet,
        near, thick, tight, sharp, light, heavy, hot, sore, sick, ill, poor,
        good, bad, positive, mental, physical, loaded, wild, crazy, insane,
        funny, hilarious, sour, tart, acid, together,
        attached, close knit, familiar, intimate, dear, precious,
        religious, romantic, sexual, sexy, erotic, beautiful, stylish, fashionable,
        tasteful, rich, golden, rosy, sunny, stormy, cloudy, electric, galvanic,
        steaming, steamy, smoldering, smouldering, fiery, red hot, hairy, ugly,
        wicked, evil, base, mean, big, mighty, noble, vital, active, lively, spirited,
        slow, dull, flat, fine, ok, okay: too ambiguous as a token; rarely the feeling
    # forms of everyday verbs and words with a stronger everyday sense
    sorry: an apology ("I'm sorry") far more often than a feeling
    stupid: an insult far more often than "I feel stupid"
    used, done, seen, heard, understood, wanted, ready: common verb forms or words;
        "I feel seen" needs its context, which a word list does not have
    # physical states and illness
    achy, airsick, air sick, carsick, seasick, hungry, thirsty, peckish, starving,
        starved, itchy, nauseated, nauseous, queasy, sickish, dehydrated, sunburned,
        sunburnt, windburned, windburnt, sleepless, insomniac, colicky, dyspeptic,
        bilious, liverish, feverish, faint, light headed, lightheaded, swollen,
        flatulent, gassy, dying, indisposed, milk sick, saddle sore, sniffly,
        snuffling, snuffly, asleep, comatose, semicomatose: a bodily state
    # sexual arousal: not the feelings a reply to distress or news attunes to
    horny, aroused, randy, turned on, lustful, lusty, lascivious, lecherous, lewd,
        libidinous, prurient, salacious, concupiscent, sex starved, oversexed,
        highly sexed, sexed, amorous, amatory, amative, carnal, sensual, sensuous,
        voluptuous, ruttish, rutty, orgiastic, autoerotic: sexual arousal
    # clinical or diagnostic words, or slurs built on them
    manic, manic depressive, neurotic, psychoneurotic, schizophrenic, hebephrenic,
        psychopathic, delusional, demented, hallucinating, hypochondriac,
        hypochondriacal, phobic, acrophobic, agoraphobic, aquaphobic, algophobic,
        mysophobic, triskaidekaphobic, anorexic, anorectic, amnesiac, amnesic,
        mentally ill, brainsick, barmy, dotty, potty, gaga, unbalanced, unstable,
        unsound, unhinged, hysterical, rabid, psychopathologic, psychopathological: clinical
        labels or slurs, not feelings a reply should echo
    # archaic, literary or rare: no chat says them
    afeard, afeared, astonied, gladsome, lightsome, blithesome, wroth, wrothful,
        ireful, dolorous, dolourous, direful, drear, trepid, athirst, loth, riant,
        jocund, jocose, frolicsome, frolicky, wailful, lachrymose, lugubrious,
        woolgathering, thrillful, torturesome, troublous, umbrageous, complaintive,
        condolent, commiserative, nurturant, longanimous, esurient, crapulent,
        crapulous, uxorious, incertain, unenrgetic, unregretful, unregretting,
        unagitated, unfearing, unfrightened, unapprehensive, unperplexed,
        unintimidated, unneurotic, unpeaceful, unassured, ungratified, unsmiling,
        uncheerful, unhopeful, unthankful, unappreciative, unbitter, shitless,
        euphoriant, despiteful, distressful, afflictive, affectional, affective,
        emotive, elegiac, sepulchral, funereal, tragicomic, tragicomical, tragical,
        bathetic, maudlin, mawkish, schmaltzy, schmalzy, soppy, slushy, drippy, mushy,
        hokey, kitschy, pixilated, moony, dreamy, musing, pondering, ruminative,
        meditative, contemplative, brooding, broody, glowering, lowering, frowning,
        leering, smiling, laughing, weeping, wailing, lamenting, rejoicing, exulting,
        sorrowing, screaming, beaming, glowing, abashed, chagrined, cheerless,
        contrite, discomfited, disquieted, hangdog, lovelorn, woebegone, overanxious,
        fretful, agonized, agonised, sulky, woeful, mournful, exultant, rapturous,
        enraptured, untroubled, unruffled, merry: archaic, rare or describing a face
        or an act more than a feeling
""")

# The rest of WordNet's candidates, each reviewed (against WordNet 3.0) and left out:
# traits and manners ("bold", "tactful"), words that rate things ("gruesome",
# "pleasurable"), participles of emotion verbs that are not said of oneself ("abhorred",
# "idolized", "got to"), and rare, literary or technical words. `--report` lists the
# candidates in none of the lists, which a new WordNet may bring.
REVIEWED_LEFT_OUT = words("""
    abased, abhorred, abhorrent, abject, ablaze, abominable, abominated, aboulic,
    abulic, acerb, acerbated, acerbic, acrid, acute, adept, admired, adoring, adult,
    aesthetic, aesthetical, affected, affirmative, afflicted, affrighted, aflame,
    aflutter, aghast, aguish, air filled, aliened, amicable, amusing, anfractuous,
    animal, animated, antagonised, antagonistic, antagonized, anticipant, anticipative,
    antipathetic, antipathetical, aphrodisiac, aphrodisiacal, appealed, appeased,
    apperceptive, appetent, approximate, arbitrary, arch, assuaged, assured, at
    loggerheads, at rest, atrocious, attentive, attracted, audacious, averse,
    awestricken, badgered, baleful, balled over, ballyragged, baneful, basked,
    battleful, beady eyed, bearish, beastly, beatific, beatified, becharmed, bedeviled,
    bedevilled, begrudged, beguiled, beleaguered, bellicose, benefic, beneficent,
    benighted, beset, besieged, bewitched, biting, blighted, blistering, blithe,
    bloodcurdling, bloody, boisterous, bold, boon, bossed around, bowelless, braced,
    brilliant, bristly, brittle, bronchitic, brought, brought down, brought out,
    browbeaten, buddy buddy, buffaloed, bullish, bullyragged, buoyed up, bustling,
    calmed, calmed down, captured, carbuncled, carbuncular, careful, carked, cast down,
    casual, cattish, caught, caustic, cavernous, chafed, challenging, charged, charged
    up, chatty, cheered, chesty, chevied, chevvied, chilled, chilling, chivied,
    chivvied, chummy, churned up, civil libertarian, closely knit, clouded, coltish,
    combative, combusted, comic, comical, commoved, compassionated, complaining,
    conciliated, condoled with, confidential, conscience smitten, conscientious,
    consoled, consternated, consumptive, contemned, contemptuous, controlled,
    convulsive, coquettish, cordial, cowed, coy, crabbed, crazed, creepy crawly,
    cretinous, crucified, cutthroat, dashed, dauntless, deadening, deadpan, dedicated,
    deflected, delirious, demolished, demon ridden, dependent, deranged, desirous,
    despised, detestable, detested, deviled, devilish, devilled, devouring, diabetic,
    dignified, dim, dingy, dire, dirty, disaffected, disarmed, discerning, discomposed,
    discountenanced, discriminating, disdained, disdainful, disgraced, disinclined,
    disordered, disrespectful, dissolved, distrustful, docile, doleful, domineered,
    domineering, down in the mouth, drab, drawn out, dread, dreaded, drooled over,
    dulcet, dunned, dysphoric, eaten, eaten into, eaten on, ebullient, effaced, egg
    filled, egotistic, egotistical, electrified, elfin, elfish, elvish, enamored,
    enamoured, enervated, enjoyed, enlivened, enthused, entranced, envenomed, envied,
    erectile, erudite, esthetic, esthetical, evangelical, evangelistic, eventful,
    exacerbated, exalted, excruciated, execrable, execrated, expansive, expert,
    expressionless, failed, faint hearted, fainthearted, fallen for, fanatic, fancied,
    favorable, fazed, feared, feisty, felt for, fermented, fervid, festal, festive,
    fierce, flavorful, flavorous, flavorsome, flavourful, flavourous, flavoursome,
    fleshly, flint, flinty, flirtatious, flurried, fond, fooling, forbidding,
    formidable, fractious, fraught, freewheeling, frenzied, fretted, frighted,
    frightened away, frightened off, frightful, frisky, fueled, fuelled, full of life,
    funky, fussy, futureless, gabby, galled, galvanised, galvanising, galvanized,
    galvanizing, gamey, gamy, gangrenous, garrulous, gas filled, gay, genial, gentled,
    germy, ghosted, gladdened, goaded, god awful, godly, gone for, good tempered, got,
    got at, got down, got to, gotten, gotten at, gotten down, gotten to, gouty,
    granitic, grated, grave, graveled, gravelled, grieved, gripped, grisly, gruesome,
    gruntled, gung ho, hair raising, halcyon, halfhearted, hapless, hardy, harried,
    harum scarum, head on, heartfelt, hearty, hectored, held over, hellish, hero
    worshiped, hesitating, high spirited, ho hum, homicidal, horrendous, horrific,
    horror stricken, horror struck, hot under the collar, hotheaded, huffish, huffy,
    humanised, humanized, humorous, humourous, hunted, hydrophobic, icteric, idolatrous,
    idolised, idolized, idyllic, ill affected, ill fitting, immaterial, immodest,
    impartial, impassioned, imperious, impish, implike, in order, inattentive, incisive,
    inclined, incommunicative, indurate, inebriated, ingratiated, inhumane, inimical,
    injured, insensible, insensitive, insightful, insoluble, insulting, intoxicated,
    intrepid, invited, irresponsible, jarred, jaundiced, jesting, jocular, joking,
    jolted, jovial, joyed, juicy, killed, kittenish, knifelike, knockabout, knocked out,
    lacerated, laden, ladened, languid, languorous, laudatory, laughable, leaden,
    learned, leched after, lenified, lifted up, lightened, lightened up, liked, liquid,
    livery, loath, loathed, locked, looked up to, loquacious, lordly, loverlike,
    loverly, lovesome, low spirited, lubricious, lulled, luscious, lush, lusted after,
    macabre, maddened, malcontent, malefic, maleficent, malevolent, malign, many sided,
    masochistic, mature, meanspirited, megalomanic, mellowed, merciful, miasmal,
    miasmic, mild, minacious, minatory, mirthful, mirthless, misanthropical,
    misfortunate, misogynic, misogynistic, misogynous, missed, mocking, molested,
    mollified, mortal, mousey, mousy, murderous, nagged, narked, neoliberal, nerved,
    nervy, nettled, nettlesome, newsy, nice, noisome, noisy, nonassertive, nonplused,
    nymphomaniac, nymphomaniacal, obdurate, obscene, observant, observing, offensive,
    one eyed, opponent, opposing, overawed, overbearing, overcome, overconfident,
    overeager, overenthusiastic, overfond, overpowered, overstrung, overtaken,
    overvaliant, overzealous, pachydermatous, pacified, palled, palsied, panic struck,
    paralytic, partial, passionless, penetrating, penetrative, penitent, penitential,
    penitentiary, perceptive, perfervid, perky, pestered, petrifying, pettish,
    phlegmatical, picked up, pierced, piercing, piqued, piteous, pitiable, pitied,
    pitiful, pitiless, placated, plagued, plaintive, pleasurable, poignant, poised,
    poisonous, poker faced, pollyannaish, poriferous, pornographic, porous, pothered,
    practiced, praiseful, praising, prankish, precarious, preferred, pregnant,
    prepossessed, pricked, prickly, prideful, proficient, prosperous, proud of,
    provocative, provoked, psyched up, puckish, puffed, punitive, punitory, pure,
    purposive, put off, quick sighted, quiescent, quieted, quietened, quizzical,
    rachitic, racked, racking, racy, ragged, rancorous, rankled, rapt, raring, rascally,
    raunchy, ravished, rebarbative, rebellious, recreated, redoubtable, reefy,
    regretted, relished, remorseless, repellant, repelled, repellent, repentant,
    resented, respectful, restive, restrained, retiring, revengeful, revered,
    reverenced, reverential, revolted, rhapsodic, rickety, riled, risible, risque,
    rocky, roguish, rollicking, romanced, rose colored, roused, rueful, ruffled,
    ruthful, rutted, sanguine, sapid, saporous, savored, savoured, scandalised,
    scandalized, scared away, scared off, scorned, scornful, scrappy, scratchy,
    scrofulous, scrupulous, sedate, seedy, self complacent, self conceited, self
    effacing, self respectful, self respecting, shadowed, shadowy, shady, shamefaced,
    shameless, sharp eyed, sharp sighted, sharp worded, shelfy, shelvy, shivery, shoaly,
    shouted down, shuddery, silty, skilful, skilled, skillful, slaphappy, slobbered
    over, smashed, smooth, sniffy, soft boiled, soft on, solaced, solicitous, somber,
    sombre, soulful, soulless, soupy, spasmodic, spastic, spellbinded, sperm filled,
    spicy, spiritless, spited, spoilt, sportive, sprightly, spurred, staggered, starry
    eyed, steeled, stilled, stimulated, stirred, stony, stonyhearted, stricken, strong
    armed, struck, stuffed, stuffy, stultified, stupefied, stupefying, subdued, subtle,
    succulent, sulfurous, sulphurous, sultry, supercilious, swaggering, swelled, swept
    away, swept off, swept over, swimming, swollen headed, swooning, sympathized with,
    tactful, taken down, taken to, taken up, taken with, talkative, talky, tame, teased,
    teasing, techy, tempestuous, tempted, tepid, terrific, terror stricken, terror
    struck, terrorised, terrorized, thankless, thoughtful, thrombosed, thronged, thrown,
    tigerish, titillated, titillating, toothsome, toothy, torrid, torturing, torturous,
    tough, tough skinned, tranced, tranquilized, tranquillised, tranquillized,
    transfixed, transported, tribulated, tried, triumphal, turned off, tyrannical,
    tyrannised, tyrannized, tyrannous, unaffected, unalarming, unassertive, unbiased,
    unbiassed, unblinking, unblushing, uncommunicative, uncompassionate, unconcerned,
    unconsolable, understanding, unemotional, unexpressive, unfeeling, unflinching,
    unforgiving, unfortunate, unfriendly, ungrateful, uninterested, uninteresting,
    unkind, unmanned, unmerciful, unpitying, unquiet, unshrinking, unskilled, untuned,
    unwholesome, uproarious, upstage, vainglorious, valiant, valorous, vaporous,
    vapourous, veined, veinlike, venerated, venerating, venomed, venomous, venose,
    vestal, vibrated, vicious, victorious, virgin, virginal, virtuous, virulent,
    vitriolic, vixenish, vocal, watchful, watery, watery eyed, weaned, weighed on,
    weighted, weighty, well disposed, well lined, whelmed, whiney, whiny, white lipped,
    wished, wishful, wonder struck, worked, worn, worshipful, worshipped, wowed,
    wrathful, wrenching, yearned, yeasty, zapped, zestful, zesty
""")

# WordNet's adjective synsets whose gloss opens with one of these describe a state of
# the person ("feeling or showing anger", "filled with fear", "affected with grief").
FEELING_GLOSS = re.compile(
    r"(feeling|experiencing|filled with|full of|affected with|affected by|overcome with|"
    r"overcome by|having or showing|afflicted with|in a state of|suffering from|"
    r"characterized by feelings)\b"
)

LEX_ADJ_ALL, LEX_ADJ_PPL, LEX_NOUN_FEELING, LEX_VERB_EMOTION = 0, 44, 12, 37

# Verb frames with a person as object ("Somebody ----s somebody", "Something ----s
# somebody"): an emotion verb without one has no participle that names a feeling.
PERSON_OBJECT_FRAMES = {9, 10}


# =====================================================================================
# English inflection
# =====================================================================================

# Irregular verbs: base, past, past participle (variants with /). Authoritative for
# these bases; verb.exc still gives their -ing spellings (running, getting). Verbs
# with irregular forms in verb.exc that are missing here stop the generator.
IRREGULAR = """
arise arose arisen; awake awoke awoken; babysit babysat babysat; be was/were been;
bear bore borne/born; beat beat beaten; become became become; befall befell befallen;
begin began begun; behold beheld beheld; bend bent bent; beset beset beset;
bet bet bet; bid bid bid; bind bound bound; bite bit bitten; bleed bled bled;
blow blew blown; break broke broken; breed bred bred; bring brought brought;
broadcast broadcast broadcast; build built built; burn burned/burnt burned/burnt;
burst burst burst; buy bought bought; cast cast cast; catch caught caught;
choose chose chosen; cling clung clung; come came come; cost cost cost;
creep crept crept; cut cut cut; deal dealt dealt; dig dug dug; dive dived/dove dived;
do did done; draw drew drawn; dream dreamed/dreamt dreamed/dreamt; drink drank drunk;
drive drove driven; dwell dwelt/dwelled dwelt/dwelled; eat ate eaten; fall fell fallen;
feed fed fed; feel felt felt; fight fought fought; find found found; fit fit/fitted fit/fitted;
flee fled fled; fling flung flung; fly flew flown; forbid forbade forbidden;
forecast forecast forecast; foresee foresaw foreseen; foretell foretold foretold;
forget forgot forgotten; forgive forgave forgiven; forsake forsook forsaken;
freeze froze frozen; get got got/gotten; give gave given; go went gone;
grind ground ground; grow grew grown; hang hung/hanged hung/hanged; have had had;
hear heard heard; hide hid hidden; hit hit hit; hold held held; hurt hurt hurt;
keep kept kept; kneel knelt/kneeled knelt/kneeled; knit knitted/knit knitted/knit;
know knew known; lay laid laid; lead led led; lean leaned/leant leaned/leant;
leap leaped/leapt leaped/leapt; learn learned/learnt learned/learnt; leave left left;
lend lent lent; let let let; lie lay/lied lain/lied; light lit/lighted lit/lighted;
lose lost lost; make made made; mean meant meant; meet met met;
mislead misled misled; mistake mistook mistaken; misunderstand misunderstood misunderstood;
mow mowed mown/mowed; outdo outdid outdone; outgrow outgrew outgrown;
overcome overcame overcome; overdo overdid overdone; overeat overate overeaten;
overhear overheard overheard; oversee oversaw overseen; oversleep overslept overslept;
overtake overtook overtaken; overthink overthought overthought;
overthrow overthrew overthrown; override overrode overridden; overrun overran overrun;
pay paid paid; plead pleaded/pled pleaded/pled; prove proved proven/proved; put put put;
quit quit quit; read read read; rebuild rebuilt rebuilt; redo redid redone;
repay repaid repaid; reset reset reset; rethink rethought rethought; rewrite rewrote rewritten;
rid rid rid; ride rode ridden; ring rang rung; rise rose risen; run ran run; say said said;
see saw seen; seek sought sought; sell sold sold; send sent sent; set set set;
sew sewed sewn/sewed; shake shook shaken; shed shed shed; shine shone/shined shone/shined;
shoot shot shot; show showed shown/showed; shrink shrank/shrunk shrunk; shut shut shut;
sing sang sung; sink sank sunk; sit sat sat; slay slew slain; sleep slept slept;
slide slid slid; sling slung slung; slit slit slit; smell smelled/smelt smelled/smelt;
sow sowed sown/sowed; speak spoke spoken; speed sped/speeded sped/speeded;
spell spelled/spelt spelled/spelt; spend spent spent; spill spilled/spilt spilled/spilt;
spin spun spun; spit spat/spit spat/spit; split split split; spoil spoiled/spoilt spoiled/spoilt;
spread spread spread; spring sprang sprung; stand stood stood; steal stole stolen;
stick stuck stuck; sting stung stung; stink stank stunk; stride strode stridden;
strike struck struck/stricken; string strung strung; strive strove/strived striven/strived;
swear swore sworn; sweep swept swept; swell swelled swollen/swelled; swim swam swum;
swing swung swung; take took taken; teach taught taught; tear tore torn; tell told told;
think thought thought; throw threw thrown; thrust thrust thrust; tread trod trodden;
undergo underwent undergone; understand understood understood; undertake undertook undertaken;
undo undid undone; upset upset upset; uphold upheld upheld; wake woke woken;
wear wore worn; weave wove woven; wed wed/wedded wed/wedded; weep wept wept;
wet wet/wetted wet/wetted; win won won; wind wound wound; withdraw withdrew withdrawn;
withhold withheld withheld; withstand withstood withstood; wring wrung wrung;
write wrote written; offset offset offset; input input input; shear sheared shorn/sheared;
stave staved staved; bust busted/bust busted/bust; sneak sneaked/snuck sneaked/snuck;
saw sawed sawn/sawed; hew hewed hewn/hewed;
beget begot begotten; bespeak bespoke bespoken; forswear forswore forsworn;
overhang overhung overhung; underlie underlay underlain; undercut undercut undercut;
outrun outran outrun; overfly overflew overflown; overlie overlay overlain;
partake partook partaken; rend rent rent; shoe shod shod; slink slunk slunk;
smite smote smitten; strew strewed strewn/strewed;
thrive thrived/throve thrived/thriven; clothe clothed/clad clothed/clad;
gild gilded/gilt gilded/gilt; gird girded/girt girded/girt; heave heaved heaved;
dare dared dared;
sublet sublet sublet; misread misread misread; mislay mislaid mislaid;
misspell misspelled/misspelt misspelled/misspelt; retell retold retold; resell resold resold;
remake remade remade; rerun reran rerun; outbid outbid outbid; overpay overpaid overpaid;
overspend overspent overspent; overshoot overshot overshot; inlay inlaid inlaid;
waylay waylaid waylaid; lade laded laden/laded; grave graved graven/graved;
cleave cleaved cleaved/cleft; bide bided bided; abide abided abided;
crow crowed crowed; forgo forwent forgone; forego forewent foregone;
melt melted melted; work worked worked;
unwind unwound unwound; rewind rewound rewound; shave shaved shaved/shaven;
# regular verbs with an archaic or odd spelling in verb.exc (blest, curst, addrest,
# gript, co-ordinate, programmes) that no reply uses
bless blessed blessed; curse cursed cursed; address addressed addressed;
grip gripped gripped; coordinate coordinated coordinated; program programmed programmed
"""


def parse_irregular(text):
    table = {}
    text = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    for item in text.replace("\n", " ").split(";"):
        fields = item.split()
        if not fields:
            continue
        base, past, participle = fields
        if base in table:
            raise SystemExit(f"IRREGULAR lists '{base}' twice")
        table[base] = (past.split("/"), participle.split("/"))
    return table


IRREGULARS = parse_irregular(IRREGULAR)
VOWELS = set("aeiou")

# Compounds of an irregular verb inflect like it: overeat -> overate, browbeat ->
# browbeaten, misread -> misread. "relay" (relayed) is not re + lay; "be" is no prefix
# here (behave, belie).
COMPOUND_PREFIXES = ["over", "under", "out", "mis", "re", "un", "up", "with", "fore", "by", "brow"]
NOT_COMPOUNDS = {"relay"}


def irregular(base):
    """(pasts, participles) of an irregular verb or of a compound of one, else None."""
    if base in IRREGULARS:
        return IRREGULARS[base]
    if base in NOT_COMPOUNDS:
        return None
    for prefix in COMPOUND_PREFIXES:
        stem = base[len(prefix) :]
        if base.startswith(prefix) and len(stem) >= 2 and stem in IRREGULARS:
            past, participle = IRREGULARS[stem]
            return [prefix + f for f in past], [prefix + f for f in participle]
    return None


def vowel_groups(word):
    groups, previous = 0, False
    for index, letter in enumerate(word):
        vowel = letter in VOWELS or (letter == "y" and index > 0 and word[index - 1] not in VOWELS)
        if letter == "u" and index > 0 and word[index - 1] == "q":
            vowel = False  # "qu" is a consonant: quit -> quitting
        if vowel and not previous:
            groups += 1
        previous = vowel
    return groups


def doubles_final_consonant(word):
    """Monosyllables ending consonant-vowel-consonant double it: stop -> stopped.
    Longer words double only when WordNet's verb.exc says so (admit -> admitted)."""
    if len(word) < 3 or vowel_groups(word) != 1:
        return False
    a, b, c = word[-3], word[-2], word[-1]
    vowel_b = b in VOWELS and not (b == "u" and a == "q")
    consonant_a = a not in VOWELS or (a == "u" and len(word) > 3 and word[-4] == "q")
    return consonant_a and vowel_b and c not in VOWELS and c not in "wxy"


def regular_s(word):
    if word == "be":
        return "is"
    if word == "have":
        return "has"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"[^aeiou]o$", word):
        return word + "es"
    return word + "s"


def regular_ing(word):
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word == "be" or re.search(r"(ee|oe|ye)$", word):
        return word + "ing"
    if word.endswith("e") and len(word) > 2:
        return word[:-1] + "ing"
    if doubles_final_consonant(word):
        return word + word[-1] + "ing"
    return word + "ing"


def regular_ed(word):
    if word.endswith("e"):
        return word + "d"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ied"
    if doubles_final_consonant(word):
        return word + word[-1] + "ed"
    return word + "ed"


# Verbs stressed on a final -l syllable double it in American spelling too
# (controlled, compelled): no single-l variant for them.
STRESSED_FINAL_L = set(words("""
    control, patrol, compel, expel, propel, repel, dispel, impel, excel, rebel, extol,
    instil, distil, fulfil, appal, enrol, enthral, annul, befall, install
"""))

# Spellings neither the rules nor verb.exc get right, for verbs WordNet 3.0 lacks.
SPELLING = {
    "screenshot": {"ing": ["screenshotting"], "past": ["screenshotted"]},
    "binge": {"ing": ["bingeing", "binging"]},
}


class Inflector:
    """Inflects base verbs: verb.exc for the spellings rules cannot know (doubling in
    longer words, -c -> -cked, British -ll-), the irregular table above for the
    irregular pasts, English spelling rules for everything else."""

    def __init__(self, exceptions):
        self.exceptions = exceptions  # base -> sorted forms from verb.exc
        self.unknown_irregulars = {}

    def forms(self, base):
        if base == "be":
            return {"s": ["is"], "ing": ["being"], "past": ["was", "were"], "participle": ["been"]}
        ing, ed, other = [], [], []
        for form in self.exceptions.get(base, []):
            if form.endswith("ing"):
                ing.append(form)
            elif form.endswith("ed"):
                ed.append(form)
            else:
                other.append(form)
        if ing or ed:
            # verb.exc spells -l- doubling the British way (travelled, cancelled):
            # the American spelling the rules make is as common in chat, so keep both.
            doubled_l = base.endswith("l") and not base.endswith("ll") and base not in STRESSED_FINAL_L
            if doubled_l and any(f in (base + "led", base + "ling") for f in ing + ed):
                ing = sorted(set(ing) | {regular_ing(base)})
                ed = sorted(set(ed) | {regular_ed(base)})
        table = irregular(base)
        if not ing and table:
            # Compounds double like their last part: babysit -> babysitting, upset -> upsetting.
            stems = [base[i:] for i in range(1, len(base) - 1) if base[i:] in IRREGULARS]
            if any(doubles_final_consonant(stem) for stem in stems):
                ing = [base + base[-1] + "ing"]
        result = {"s": [regular_s(base)], "ing": ing or [regular_ing(base)]}
        for kind, forms in SPELLING.get(base, {}).items():
            result[kind] = forms
            if kind == "past" and not table:
                ed = forms
        if table:
            past, participle = table
            # A regular variant in the table follows verb.exc's spelling when it has one.
            fix = lambda form: (ed[0] if ed and form == regular_ed(base) and ed[0] != form else form)
            result["past"] = sorted(set(fix(f) for f in past))
            result["participle"] = sorted(set(fix(f) for f in participle))
        else:
            if other:
                self.unknown_irregulars[base] = other
            result["past"] = sorted(set(ed)) or [regular_ed(base)]
            result["participle"] = list(result["past"])
        return result

    def participle(self, lemma):
        """The past participle of a one- or multi-word verb: freak out -> freaked out."""
        first, _, rest = lemma.partition(" ")
        forms = self.forms(first)["participle"]
        return [(form + " " + rest).strip() for form in forms]


# =====================================================================================
# WordNet
# =====================================================================================


class WordNet:
    POINTER_POS = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}

    def __init__(self, path):
        if not os.path.exists(os.path.join(path, "index.verb")) and os.path.exists(
            os.path.join(path, "dict", "index.verb")
        ):
            path = os.path.join(path, "dict")
        for name in ["index.verb", "index.adj", "data.verb", "data.adj", "data.noun", "verb.exc", "cntlist.rev"]:
            if not os.path.exists(os.path.join(path, name)):
                raise SystemExit(
                    f"no WordNet database at {path} (missing {name}): "
                    "apt-get install wordnet-base, or pass the folder that holds index.verb"
                )
        self.path = path
        self.version = self._version()
        self.synsets = {}
        for pos in ["noun", "verb", "adj"]:
            self._load_data(pos)
        self.index_verb = self._load_index_verb()
        self.tag_counts = self._load_tag_counts()
        self.verb_exceptions = self._load_exceptions("verb.exc")
        self.adjective_lemmas = {line.split()[0] for line in self._read("index.adj") if not line.startswith("  ")}

    def _read(self, name):
        with open(os.path.join(self.path, name), encoding="latin-1") as handle:
            return handle.read().splitlines()

    def _version(self):
        for line in self._read("data.verb")[:40]:
            match = re.search(r"WordNet (\d+\.\d+)", line)
            if match:
                return match.group(1)
        return "3.x"

    def _load_data(self, pos):
        for line in self._read("data." + pos):
            if line.startswith("  "):
                continue  # the licence at the top of every data file
            data, _, gloss = line.partition(" | ")
            fields = data.split()
            offset, lexfile, kind = fields[0], int(fields[1]), fields[2]
            count = int(fields[3], 16)
            lemmas = [re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
            index = 4 + 2 * count
            pointer_count = int(fields[index])
            index += 1
            pointers = []
            for _ in range(pointer_count):
                symbol, target, target_pos, _source = fields[index : index + 4]
                pointers.append((symbol, (self.POINTER_POS[target_pos], target)))
                index += 4
            frames = set()
            if pos == "verb" and index < len(fields):
                for at in range(index + 1, index + 1 + 3 * int(fields[index]), 3):
                    frames.add(int(fields[at + 1]))  # "+ f_num w_num"
            key = (self.POINTER_POS[kind], offset)
            self.synsets[key] = {
                "lexfile": lexfile, "lemmas": lemmas, "pointers": pointers, "gloss": gloss.strip(), "frames": frames
            }

    def _load_index_verb(self):
        index = {}
        for line in self._read("index.verb"):
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
            tagsense_count = int(fields[5 + pointer_count])
            offsets = fields[6 + pointer_count :]
            index[lemma] = {"synset_cnt": synset_count, "tagsense_cnt": tagsense_count, "offsets": offsets}
        return index

    def _load_tag_counts(self):
        """cntlist.rev: sense_key sense_number tag_count; summed per lemma and part of
        speech (ss_type 1 noun, 2 verb, 3 and 5 adjective, 4 adverb)."""
        counts = {"n": defaultdict(int), "v": defaultdict(int), "a": defaultdict(int), "r": defaultdict(int)}
        for line in self._read("cntlist.rev"):
            key, _number, count = line.split()
            lemma, _, rest = key.partition("%")
            pos = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}[rest[0]]
            counts[pos][lemma] += int(count)
        return counts

    def _load_exceptions(self, name):
        table = defaultdict(set)
        for line in self._read(name):
            fields = line.split()
            form, bases = fields[0], fields[1:]
            for base in bases:
                # A form under several bases belongs to the one it is spelled from
                # ("singing" is sing's, not singe's).
                if len(bases) == 1 or form.startswith(base):
                    table[base].add(form)
        return {base: sorted(forms) for base, forms in table.items()}

    def lexfile_synsets(self, pos, lexfiles):
        return sorted(key for key, synset in self.synsets.items() if key[0] == pos and synset["lexfile"] in lexfiles)


# =====================================================================================
# The normalization contract
# =====================================================================================


class Contract:
    """What a list entry must look like to ever match: the tokens TextPipeline makes.
    ICU splits words at hyphens ("burnt-out" is "burnt" "out"), case-folds, squeezes
    runs of three letters, and normalization.yaml expands some tokens ("okay" -> "ok",
    "wont" -> "will not"): an entry word that expands can never be matched."""

    def __init__(self, root):
        self.expansions = set()
        section = None
        with open(os.path.join(root, "Rules/lexicon/normalization.yaml"), encoding="utf-8") as handle:
            for line in handle:
                stripped = line.split("#", 1)[0].rstrip()
                if not stripped:
                    continue
                if not line.startswith(" "):
                    section = stripped.rstrip(":")
                    continue
                if section == "expansions":
                    key = stripped.strip().split(":", 1)[0].strip().strip('"')
                    self.expansions.add(key)

    def token_form(self, lemma):
        """WordNet's spelling -> the entry, or None when no token sequence can match."""
        entry = " ".join(lemma.lower().replace("_", " ").replace("-", " ").split())
        for word in entry.split(" "):
            if not re.fullmatch(r"[a-z]+", word):
                return None  # apostrophes, digits, periods: not worth the risk
            if re.search(r"([a-z])\1\1", word) or word in self.expansions:
                return None
        return entry


# =====================================================================================
# Verbs
# =====================================================================================


def build_verbs(wordnet, contract, inflector):
    tags = wordnet.tag_counts
    info = wordnet.index_verb

    def score(lemma):
        entry = info.get(lemma, {"tagsense_cnt": 0, "synset_cnt": 0})
        return (-tags["v"][lemma], -entry["tagsense_cnt"], -entry["synset_cnt"], lemma)

    ranked = sorted((lemma for lemma in info if re.fullmatch(r"[a-z]{2,}", lemma)), key=score)
    chosen = [lemma for lemma in ranked if tags["v"][lemma] >= MIN_VERB_TAG_COUNT]
    chosen = [lemma for lemma in chosen if lemma not in DROP_VERBS]
    chosen_set = set(chosen)
    for lemma in INCLUDE_VERBS:
        if lemma not in chosen_set:
            chosen.append(lemma)
            chosen_set.add(lemma)
    problems = [w for w in chosen if contract.token_form(w) != w]
    chosen = [w for w in chosen if contract.token_form(w) == w]

    ambiguous = {}
    for lemma in chosen:
        if lemma in AMBIGUOUS_VERBS:
            ambiguous[lemma] = AMBIGUOUS_VERBS[lemma]
            continue
        other = tags["n"][lemma] + tags["a"][lemma] + tags["r"][lemma]
        if (
            lemma not in INCLUDE_VERBS
            and lemma not in KEEP_DESPITE_NOUNS
            and other >= NOUN_DOMINANCE * max(tags["v"][lemma], 1)
        ):
            ambiguous[lemma] = f"a noun, adjective or adverb {other}:{tags['v'][lemma]} in SemCor"

    lists = {"s": set(), "ing": set(), "past": set(), "participle": set()}
    for lemma in chosen:
        for kind, forms in inflector.forms(lemma).items():
            lists[kind].update(f for f in forms if contract.token_form(f) == f)
    if inflector.unknown_irregulars:
        missing = ", ".join(f"{b} ({'/'.join(f)})" for b, f in sorted(inflector.unknown_irregulars.items()))
        raise SystemExit(f"verb.exc has irregular forms the IRREGULAR table lacks: {missing}")

    # Phrasal verbs.
    verb_set = set(chosen)
    phrasal = set()
    for lemma in info:
        parts = lemma.split("_")
        if len(parts) < 2 or tags["v"][lemma] < MIN_PHRASAL_TAG_COUNT:
            continue
        if parts[0] not in verb_set or not all(p in PARTICLES for p in parts[1:]):
            continue
        entry = contract.token_form(lemma)
        if entry and entry not in EXCLUDE_PHRASAL:
            phrasal.add(entry)
    from_wordnet = set(phrasal)
    for entry in INCLUDE_PHRASAL:
        if contract.token_form(entry) != entry:
            raise SystemExit(f"INCLUDE_PHRASAL: '{entry}' is not in token form")
        phrasal.add(entry)

    for name, table in [("AMBIGUOUS_VERBS", AMBIGUOUS_VERBS), ("KEEP_DESPITE_NOUNS", KEEP_DESPITE_NOUNS)]:
        dead = sorted(set(table) - verb_set)
        if dead:
            raise SystemExit(f"{name} names verbs the selection does not have: {', '.join(dead)}")
    dead = sorted(set(EXCLUDE_PHRASAL) - {lemma.replace("_", " ") for lemma in info})
    if dead:
        raise SystemExit(f"EXCLUDE_PHRASAL names no WordNet lemma: {', '.join(dead)}")

    base = [lemma for lemma in chosen if lemma not in ambiguous]
    result = {
        "verbs": sorted(base),
        "verbs_ambiguous": sorted(ambiguous),
        "verbs_s": sorted(lists["s"]),
        "verbs_ing": sorted(lists["ing"]),
        "verbs_past": sorted(lists["past"]),
        "verbs_participle": sorted(lists["participle"]),
        "phrasal_verbs": sorted(phrasal),
    }
    notes = {
        "ambiguous": ambiguous,
        "from_wordnet": len([l for l in chosen if l not in INCLUDE_VERBS or tags["v"][l] >= MIN_VERB_TAG_COUNT]),
        "included": [l for l in INCLUDE_VERBS if tags["v"][l] < MIN_VERB_TAG_COUNT],
        "phrasal_from_wordnet": sorted(from_wordnet),
        "dropped_by_contract": problems,
    }
    return result, notes


# =====================================================================================
# Feelings
# =====================================================================================


def feeling_candidates(wordnet, contract, inflector):
    """WordNet's proposals: adjectives of adj.all and adj.ppl that point at a
    noun.feeling synset (derivation +, attribute =, pertainym \\) or whose gloss says
    they are a state of feeling, the satellites similar (&) to the former, adjectives
    that are participles (<) of verb.emotion verbs, and the past participles of
    verb.emotion verbs themselves ("frustrate" -> "frustrated")."""
    feeling_nouns = set(wordnet.lexfile_synsets("n", {LEX_NOUN_FEELING}))
    emotion_verbs = set(wordnet.lexfile_synsets("v", {LEX_VERB_EMOTION}))
    adjectives = wordnet.lexfile_synsets("a", {LEX_ADJ_ALL, LEX_ADJ_PPL})
    linked = {
        key
        for key in adjectives
        if any(s in ("+", "=", "\\") and t in feeling_nouns for s, t in wordnet.synsets[key]["pointers"])
    }
    glossed = {key for key in adjectives if FEELING_GLOSS.match(wordnet.synsets[key]["gloss"])}
    similar = {t for key in linked for s, t in wordnet.synsets[key]["pointers"] if s == "&"}
    participial = {
        key for key in adjectives if any(s == "<" and t in emotion_verbs for s, t in wordnet.synsets[key]["pointers"])
    }
    adjectives_found = defaultdict(set)
    routes = [("noun.feeling", linked), ("gloss", glossed), ("similar", similar), ("participle", participial)]
    for route, keys in routes:
        for key in keys:
            for lemma in wordnet.synsets[key]["lemmas"]:
                entry = contract.token_form(lemma)
                if entry:
                    adjectives_found[entry].add(route)
    for key in sorted(emotion_verbs):
        if not wordnet.synsets[key]["frames"] & PERSON_OBJECT_FRAMES:
            continue  # "ache", "despair", "yearn": no one is ached; no participle adjective
        for lemma in wordnet.synsets[key]["lemmas"]:
            parts = lemma.split("_")
            if not all(part in PARTICLES for part in parts[1:]):
                continue  # idioms ("blow a fuse") have no participle adjective
            for form in inflector.participle(lemma.replace("_", " ")):
                entry = contract.token_form(form)
                if entry:
                    adjectives_found[entry].add("verb.emotion")
    nouns_found = defaultdict(set)
    for key in sorted(feeling_nouns):
        for lemma in wordnet.synsets[key]["lemmas"]:
            entry = contract.token_form(lemma)
            if entry:
                nouns_found[entry].add("noun.feeling")
    return adjectives_found, nouns_found


def build_feelings(wordnet, contract, inflector):
    adjectives_found, nouns_found = feeling_candidates(wordnet, contract, inflector)
    valence = {}
    for name, entries in [
        ("FEELINGS_NEGATIVE", FEELINGS_NEGATIVE),
        ("FEELINGS_POSITIVE", FEELINGS_POSITIVE),
        ("FEELINGS_MIXED", FEELINGS_MIXED),
        ("FEELING_NOUNS_NEGATIVE", FEELING_NOUNS_NEGATIVE),
        ("FEELING_NOUNS_POSITIVE", FEELING_NOUNS_POSITIVE),
        ("FEELING_NOUNS_MIXED", FEELING_NOUNS_MIXED),
    ]:
        for entry in entries:
            if contract.token_form(entry) != entry:
                raise SystemExit(f"{name}: '{entry}' is not in token form")
            kind = "noun" if "NOUNS" in name else "adjective"
            if (kind, entry) in valence:
                raise SystemExit(f"{name}: '{entry}' already has a valence ({valence[(kind, entry)]})")
            valence[(kind, entry)] = name
    for entry in list(EXCLUDE_FEELINGS) + REVIEWED_LEFT_OUT:
        if ("adjective", entry) in valence:
            raise SystemExit(f"'{entry}' is both left out and given a valence")
    lists = {
        "feelings_negative": sorted(FEELINGS_NEGATIVE),
        "feelings_positive": sorted(FEELINGS_POSITIVE),
        "feelings_mixed": sorted(FEELINGS_MIXED),
        "feeling_nouns_negative": sorted(FEELING_NOUNS_NEGATIVE),
        "feeling_nouns_positive": sorted(FEELING_NOUNS_POSITIVE),
        "feeling_nouns_mixed": sorted(FEELING_NOUNS_MIXED),
    }
    adjective_entries = set(FEELINGS_NEGATIVE) | set(FEELINGS_POSITIVE) | set(FEELINGS_MIXED)
    # Curated words WordNet has all the same, as an adjective or a verb's participle,
    # without linking them to a feeling ("exhausted", "isolated", "rejected").
    participles = set()
    for lemma in wordnet.index_verb:
        parts = lemma.split("_")
        if re.fullmatch(r"[a-z]+", parts[0]) and all(p in PARTICLES for p in parts[1:]):
            participles.update(inflector.participle(" ".join(parts)))
    in_wordnet = {
        entry
        for entry in adjective_entries - set(adjectives_found)
        if entry.replace(" ", "_") in wordnet.adjective_lemmas or entry.replace(" ", "-") in wordnet.adjective_lemmas
        or entry in participles
    }
    noun_entries = set(FEELING_NOUNS_NEGATIVE) | set(FEELING_NOUNS_POSITIVE) | set(FEELING_NOUNS_MIXED)
    notes = {
        "seeded": sorted(adjective_entries & set(adjectives_found)),
        "in_wordnet": sorted(in_wordnet),
        "curated_only": sorted(adjective_entries - set(adjectives_found) - in_wordnet),
        "nouns_seeded": sorted(noun_entries & set(nouns_found)),
        "nouns_curated_only": sorted(noun_entries - set(nouns_found)),
        "unreviewed": sorted(
            set(adjectives_found) - adjective_entries - set(EXCLUDE_FEELINGS) - set(REVIEWED_LEFT_OUT)
        ),
        "excluded_unseeded": sorted(set(EXCLUDE_FEELINGS) - set(adjectives_found)),
        "candidates": len(adjectives_found),
        "noun_candidates": len(nouns_found),
        "unreviewed_nouns": sorted(set(nouns_found) - noun_entries),
        "routes": adjectives_found,
    }
    return lists, notes


# =====================================================================================
# Output
# =====================================================================================

YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def yaml_item(entry):
    if entry in YAML_WORDS or not re.fullmatch(r"[a-z][a-z ]*", entry):
        return '"' + entry.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return entry


def yaml_list(name, entries, comment, width=92):
    lines = [f"  # {line}" if line else "  #" for line in comment.strip().split("\n")]
    lines.append(f"  {name}: # {len(entries)} entries")
    current = "    ["
    for index, entry in enumerate(entries):
        piece = yaml_item(entry) + ("]" if index == len(entries) - 1 else ",")
        if len(current) + 1 + len(piece) > width and current.strip() != "[":
            lines.append(current.rstrip())
            current = "     " + piece
        else:
            current += ("" if current.endswith("[") else " ") + piece
    if not entries:
        current += "]"
    lines.append(current)
    return "\n".join(lines) + "\n"


def header(title, wordnet, body):
    return f"""# {title}
#
# GENERATED by Scripts/lexicon/generate.py from WordNet {wordnet.version} (Princeton University).
# Do not edit by hand: edit the curated lists in the script and run
#   python3 Scripts/lexicon/generate.py
# (`python3 Scripts/lexicon/generate.py --check` fails when this file differs.)
#
# WordNet is used under the WordNet {wordnet.version} licence, a permissive BSD-style licence:
# "WordNet {wordnet.version} Copyright 2006 by Princeton University. All rights reserved."
# The licence text is in Scripts/lexicon/WORDNET-LICENSE.
#
{body}
lists:
"""


def verbs_yaml(wordnet, lists, notes):
    body = f"""# Common English verbs and their forms, for patterns like "<c> @verbs" (a command at
# the start of a clause) or "you should have @verbs_participle". Entries are
# normalized tokens (see ../README.md). The base verbs are the {notes['from_wordnet']} single-word
# verbs WordNet's sense-tagged corpus (cntlist.rev) has seen at least {MIN_VERB_TAG_COUNT} times,
# plus {len(notes['included'])} advice verbs it ranks lower or lacks ("text", "journal", "vent",
# "unfollow"). Their inflections follow English spelling rules, WordNet's verb.exc and
# the script's table of irregular verbs.
#
# Careful: the lists are large and general. A verb list matches nouns spelled the same
# ("call", "plan", "walk"), and the inflected lists hold every verb's forms, those of
# `verbs_ambiguous` too."""
    text = header("Verb lexicon: base verbs, their inflections and phrasal verbs.", wordnet, body)
    comments = {
        "verbs": """Base forms (imperative and infinitive) that read as a command at the start of a
clause. Leaves out `verbs_ambiguous`.""",
        "verbs_ambiguous": """Base forms left out of `verbs`: at the start of a sentence they are mostly not a
command: the subject is dropped ("thank you", "love you", "hope you're ok"), a
discourse marker ("look,", "wait, what?"), an offer ("want to talk?"), or a noun,
adjective or adverb far more often than a verb ("time", "back", "last"). The reason
for each is in the script.""",
        "verbs_s": """Third person singular present: "she [makes]", "it [hurts]".""",
        "verbs_ing": """Present participles: "you're [overthinking] it", "try [journaling]".""",
        "verbs_past": """Simple past, irregular variants included ("dreamed", "dreamt"; "was", "were").""",
        "verbs_participle": """Past participles: "you should have [told] him", "have you [tried]".""",
        "phrasal_verbs": f"""Multi-word verbs in base form ("calm down", "reach out", "cut back", "look into",
"talk to"): WordNet's verb + particle lemmas seen at least {MIN_PHRASAL_TAG_COUNT} times in SemCor, and
common ones of advice and feeling it ranks lower or lacks. Only the base form.""",
    }
    for name in ["verbs", "verbs_ambiguous", "verbs_s", "verbs_ing", "verbs_past", "verbs_participle", "phrasal_verbs"]:
        text += "\n" + yaml_list(name, lists[name], comments[name])
    return text


def feelings_yaml(wordnet, lists, notes):
    body = f"""# Feeling words, for patterns like "i (feel|am) @intensifiers? @feelings_negative" and
# for reflections ("it sounds like you're @feelings_negative"). Entries are normalized
# tokens (see ../README.md): "burnt out", "on edge", "self conscious" are two words.
#
# WordNet proposed {notes['candidates']} candidates: adjectives linked to its noun.feeling synsets,
# adjectives whose gloss names a state of feeling, their similar satellites, and past
# participles of its verb.emotion verbs ("discourage" -> "discouraged"). Curation kept
# {len(notes['seeded'])} of them, added {len(notes['in_wordnet'])} that WordNet has as adjectives or participles without
# tying them to a feeling ("exhausted", "isolated", "rejected") and {len(notes['curated_only'])} it lacks (chat
# and phrases: "gutted", "burnt out", "taken for granted"), and gave every word its
# valence by hand: WordNet has none.
# Valence answers one question: when someone says "I feel X", is X something they would
# rather not feel (negative), pleasant (positive), or both or either (mixed)?
#
# Left out on purpose: words that rate the cause rather than the feeler ("depressing",
# "awful": see @hard_adjectives), traits of character ("shy", "kind"), bodily states,
# clinical labels, and words whose everyday sense is not a feeling ("blue", "sick",
# "fine", "ok", "good", "used", "done")."""
    text = header("Feelings lexicon: feeling words and feeling nouns, by valence.", wordnet, body)
    comments = {
        "feelings_negative": """Feeling words someone would rather not feel: adjectives and participles ("hurt",
"discouraged", "overwhelmed"), how they feel treated ("ignored", "taken for granted"),
and a few -ing states ("hurting", "struggling").""",
        "feelings_positive": """Pleasant feeling words ("relieved", "proud", "over the moon").""",
        "feelings_mixed": """Feelings pulled both ways, or either way by context ("torn", "ambivalent",
"bittersweet", "nostalgic", "surprised", "emotional", "keyed up").""",
        "feeling_nouns_negative": """Nouns for unpleasant feelings, for reflections ("all that frustration").""",
        "feeling_nouns_positive": """Nouns for pleasant feelings ("such relief").""",
        "feeling_nouns_mixed": """Nouns for mixed feelings ("nostalgia", "mixed feelings", "nervous excitement").""",
    }
    for name in comments:
        text += "\n" + yaml_list(name, lists[name], comments[name])
    return text


def read_flow_lists(path):
    """The `name: [a, b, ...]` lists of a lexicon file (the shape wordlists.yaml uses)."""
    with open(path, encoding="utf-8") as handle:
        text = "\n".join(line.split("#", 1)[0] for line in handle.read().splitlines())
    lists = {}
    for match in re.finditer(r"^  ([a-z_0-9]+):\s*\[(.*?)\]", text, re.S | re.M):
        items = match.group(2).split(",")
        lists[match.group(1)] = [" ".join(item.split()).strip("\"'") for item in items if item.strip()]
    return lists


def new_feelings_text(lists):
    existing = read_flow_lists(os.path.join(ROOT, "Rules/lexicon/wordlists.yaml"))
    known = set()
    for name in ["feelings", "negative_feelings", "positive_feelings"]:
        known.update(existing.get(name, []))
    lines = [
        "# Feeling words of Rules/lexicon/feelings.yaml that the hand-written @feelings,",
        "# @negative_feelings and @positive_feelings of Rules/lexicon/wordlists.yaml lack.",
        "# Generated by Scripts/lexicon/generate.py; one word a line, by list.",
    ]
    for name in ["feelings_negative", "feelings_positive", "feelings_mixed"]:
        missing = [entry for entry in lists[name] if entry not in known]
        lines.append("")
        lines.append(f"# {name}: {len(missing)} of {len(lists[name])}")
        lines.extend(missing)
    return "\n".join(lines) + "\n"


def generate(wordnet_path):
    wordnet = WordNet(wordnet_path)
    contract = Contract(ROOT)
    inflector = Inflector(wordnet.verb_exceptions)
    verb_lists, verb_notes = build_verbs(wordnet, contract, inflector)
    feeling_lists, feeling_notes = build_feelings(wordnet, contract, inflector)
    taken = set()
    for name in os.listdir(os.path.join(ROOT, "Rules/lexicon")):
        if name.endswith(".yaml") and name not in ("verbs.yaml", "feelings.yaml"):
            taken.update(read_flow_lists(os.path.join(ROOT, "Rules/lexicon", name)))
    clash = sorted(taken & (set(verb_lists) | set(feeling_lists)))
    if clash:
        raise SystemExit(f"list names already used in Rules/lexicon: {', '.join(clash)}")
    files = {
        VERBS_FILE: verbs_yaml(wordnet, verb_lists, verb_notes),
        FEELINGS_FILE: feelings_yaml(wordnet, feeling_lists, feeling_notes),
        NEW_FEELINGS_FILE: new_feelings_text(feeling_lists),
    }
    return files, verb_lists, verb_notes, feeling_lists, feeling_notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet", nargs="?", default=DEFAULT_WORDNET, help="WordNet database folder")
    parser.add_argument("--check", action="store_true", help="fail if the committed files differ")
    parser.add_argument("--report", action="store_true", help="print what curation left open")
    args = parser.parse_args()
    files, verb_lists, verb_notes, feeling_lists, feeling_notes = generate(args.wordnet)

    if args.check:
        stale = []
        for path, text in files.items():
            full = os.path.join(ROOT, path)
            current = open(full, encoding="utf-8").read() if os.path.exists(full) else ""
            if current != text:
                stale.append(path)
                diff = difflib.unified_diff(
                    current.splitlines(), text.splitlines(), f"{path} (committed)", f"{path} (generated)", lineterm=""
                )
                print("\n".join(list(diff)[:40]), file=sys.stderr)
        if stale:
            print(
                f"out of date: {', '.join(stale)}. Edit the curated lists in Scripts/lexicon/generate.py "
                "and run it; do not edit the generated files by hand.",
                file=sys.stderr,
            )
            return 1
        print(f"up to date: {', '.join(files)}")
        return 0

    if args.report:
        for name, entries in list(verb_lists.items()) + list(feeling_lists.items()):
            print(f"{name}: {len(entries)}")
        print(f"\nverbs from WordNet: {verb_notes['from_wordnet']}, below the cut: {len(verb_notes['included'])}")
        print("ambiguous by nouns:", ", ".join(w for w, r in sorted(verb_notes["ambiguous"].items()) if "SemCor" in r))
        print("left out by the normalization contract:", ", ".join(verb_notes["dropped_by_contract"]) or "none")
        print(f"\nfeeling candidates from WordNet: {feeling_notes['candidates']}")
        print(f"seeded and kept: {len(feeling_notes['seeded'])}")
        print(f"in WordNet, not proposed ({len(feeling_notes['in_wordnet'])}):", ", ".join(feeling_notes["in_wordnet"]))
        print(f"not in WordNet ({len(feeling_notes['curated_only'])}):", ", ".join(feeling_notes["curated_only"]))
        unseeded = feeling_notes["excluded_unseeded"]
        print(f"excluded but not proposed ({len(unseeded)}):", ", ".join(unseeded))
        print(f"unreviewed candidates ({len(feeling_notes['unreviewed'])}):", ", ".join(feeling_notes["unreviewed"]))
        print(f"\nnoun candidates (noun.feeling): {feeling_notes['noun_candidates']}")
        curated_nouns = feeling_notes["nouns_curated_only"]
        print(f"nouns curated only ({len(curated_nouns)}):", ", ".join(curated_nouns))
        return 0

    for path, text in files.items():
        full = os.path.join(ROOT, path)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
