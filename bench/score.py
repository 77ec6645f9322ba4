"""Score `natotui extract` output against a gold YAML (the format of bench/gold/seeds_gold.yaml).

    python bench/score.py                                  # extract data/ with config.yaml, score
    python bench/score.py --data DIR --gold FILE [--config FILE]
    python bench/score.py --extract out.json --gold FILE   # score a saved `natotui extract` JSON

Prints persons P/R/F1, role accuracy, meeting date recall (with place and attendance),
conflicts found and date false positives, then the misses, so a change can be judged in figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fold(text: str) -> str:
    text = text.replace("ø", "o").replace("ł", "l")
    return (
        "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        .casefold()
        .strip()
    )


ALIASES: dict[str, set[str]] = {}  # folded alias -> folded canonical names (from the gazetteer)


def load_aliases(config: Path | None) -> None:
    """Let the gold's spelling match the gazetteer's canonical one (Sergei/Sergey Lavrov)."""
    from tui.core.config import load_config

    gazetteer = load_config(config).config.gazetteer
    for person in gazetteer.people:
        for alias in [person.name, *person.aliases]:
            ALIASES.setdefault(fold(alias), set()).add(fold(person.name))
    # "Ukrainian president", "European Commission president": the title with the country or
    # body it belongs to, which the extractor reports beside the role, not in it.
    for country in gazetteer.countries:
        QUALIFIERS.update(fold(n) for n in [country.name, *country.aliases, *country.demonyms])
    for organization in gazetteer.organizations:
        QUALIFIERS.update(fold(n) for n in [organization.name, *organization.aliases])


QUALIFIERS: set[str] = {"then", "former"}


def same_person(gold: str, predicted: str, mentions: list[str]) -> bool:
    """Equal names, gazetteer aliases of one person, a mention written as the gold name,
    'Matt'/'Matthew' with one surname, or the family name first ('Morita Haruka')."""
    g, p = fold(gold), fold(predicted)
    if g == p or any(fold(m) == g for m in mentions) or p in ALIASES.get(g, ()):
        return True
    gp, pp = g.split(), p.split()
    if len(gp) == 2 and gp == pp[::-1]:
        return True
    if len(gp) >= 2 and len(pp) >= 2 and gp[-1] == pp[-1]:
        return gp[0].startswith(pp[0]) or pp[0].startswith(gp[0])
    return False


def bare(role: str) -> str:
    """'former ukrainian president' -> 'president': the title without its country or body."""
    words = role.split()
    while len(words) > 1:
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[:n]) in QUALIFIERS:
                words = words[n:]
                break
        else:
            break
    return " ".join(words)


def unqualified(role: str) -> str:
    """'former romanian president' -> 'former president': the country or body left out, a
    'former' kept (it is what a stale-title conflict is about)."""
    former = role.startswith(("former ", "then "))
    core = bare(role.split(" ", 1)[1] if former else role)
    return f"{role.split()[0]} {core}" if former else core


def role_match(gold_roles: list[str], predicted: list[str]) -> bool:
    def norm(r: str) -> str:
        return fold(r).replace("-", " ").replace(" (former)", "")

    for g in map(norm, gold_roles):
        for p in map(norm, predicted):
            if g == p or p.startswith(g) or g.startswith(p) or g in p or bare(g) == bare(p):
                return True
    return False


def extract_document(data: Path, config: Path | None) -> dict:
    from tui.core.config import load_config
    from tui.core.export import corpus_document
    from tui.core.pipeline import build_corpus

    corpus = build_corpus([data], load_config(config), use_cache=False)
    return corpus_document(corpus)


def score(document: dict, gold: dict) -> dict:
    by_file = {Path(a["path"]).name: a for a in document["articles"]}
    by_stem = {a["id"]: a for a in document["articles"]}
    tp = fp = fn = 0
    roles_total = roles_ok = 0
    misses: list[str] = []
    meetings_total = meetings_found = 0
    place_ok = attendance_ok = 0
    conflicts_total = conflicts_found = 0
    false_dates: list[str] = []
    fp_words = [w.lower() for w in gold.get("date_false_positives", [])]

    def conflict_found(values: list[str], files: list[str]) -> bool:
        # "attends (by video)": the parenthesis annotates the value, it is not part of it.
        # "2025-06-24/2025-06-25": a span of days, which the extractor writes with "..".
        wanted = [
            re.sub(
                r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)",
                r"\1..\2",
                # "€40bn" is "€40 billion": the same amount written short.
                re.sub(
                    r"(\d)bn\b",
                    r"\1billion",
                    fold(re.sub(r"\s*\([^)]*\)", "", str(v))).replace(" ", ""),
                ),
            )
            for v in values
        ]
        stems = {Path(f).stem for f in files}
        for c in document["conflicts"]:
            got = {fold(c["a"]["value"]).replace(" ", ""), fold(c["b"]["value"]).replace(" ", "")}
            if c["attribute"] == "role":  # "romanian president" is the role "president"
                # ("secretary-general" and "secretary general" are one title, as in `role_match`)
                wanted = [
                    unqualified(fold(str(v))).replace(" ", "").replace("-", "") for v in values
                ]
                got = {
                    unqualified(fold(c[side]["value"])).replace(" ", "").replace("-", "")
                    for side in "ab"
                }
            if all(any(w == g or w in g for g in got) for w in wanted) and (
                not stems or {c["a"]["article"], c["b"]["article"]} & stems
            ):
                return True
        return False

    for name, entry in gold.items():
        if not isinstance(entry, dict) or name == "corpus_conflicts":
            continue
        article = by_file.get(name) or by_stem.get(Path(name).stem)
        if article is None:
            misses.append(f"{name}: article missing from the output")
            continue
        people = [a for a in article["actors"] if a["kind"] == "person"]
        gold_people = entry.get("persons") or {}
        matched = set()
        for gname, groles in gold_people.items():
            hit = next(
                (
                    i
                    for i, p in enumerate(people)
                    if i not in matched
                    and same_person(gname, p["name"], [m["text"] for m in p["mentions"]])
                ),
                None,
            )
            if hit is None:
                fn += 1
                misses.append(f"{name}: person missed: {gname}")
                continue
            tp += 1
            matched.add(hit)
            if groles:
                roles_total += 1
                if role_match(groles, people[hit]["roles"]):
                    roles_ok += 1
                else:
                    misses.append(
                        f"{name}: role of {gname}: want {groles}, got {people[hit]['roles']}"
                    )
        for i, p in enumerate(people):
            if i not in matched:
                fp += 1
                misses.append(f"{name}: not a gold person: {p['name']}")
        for meeting in entry.get("meetings") or []:
            meetings_total += 1
            start, end = str(meeting["start"]), str(meeting["end"])
            # The calendar's dates, or this article's own report of them (sources may disagree).
            candidates = [
                m
                for m in document["meetings"]
                if article["id"] in {s["article"] for s in m["sources"]}
                and (
                    (m["start"] == start and m["end"] == end)
                    or any(
                        r["article"] == article["id"] and r["start"] == start and r["end"] == end
                        for r in m.get("reports", [])
                    )
                )
            ]
            if not candidates:
                misses.append(
                    f"{name}: meeting {meeting['name']} {start}..{end} not found with these dates"
                )
                continue
            meetings_found += 1
            best = candidates[0]
            if meeting.get("place") is None or any(
                fold(m["place"] or "") == fold(meeting["place"]) for m in candidates
            ):
                place_ok += 1
            else:
                misses.append(
                    f"{name}: meeting {meeting['name']}: place want {meeting['place']}, got {best['place']}"
                )
            want_in = meeting.get("attendees") or []
            want_out = meeting.get("absentees") or []
            if any(
                all(any(same_person(w, a, []) for a in m["attendees"]) for w in want_in)
                and all(any(same_person(w, a, []) for a in m["absentees"]) for w in want_out)
                for m in candidates
            ):
                attendance_ok += 1
            else:
                misses.append(
                    f"{name}: meeting {meeting['name']}: attendance want +{want_in} -{want_out}, got +{best['attendees']} -{best['absentees']}"
                )
        for conflict in entry.get("conflicts") or []:
            conflicts_total += 1
            if conflict_found([str(v) for v in conflict["values"]], [name]):
                conflicts_found += 1
            else:
                misses.append(f"{name}: conflict missed: {conflict['about']} {conflict['values']}")
        for d in article["dates"]:
            text = d["text"].lower().strip()
            for word in fp_words:
                if text == word or (len(word) > 3 and word in text):
                    false_dates.append(f"{name}: {d['text']!r}")
    for conflict in gold.get("corpus_conflicts") or []:
        conflicts_total += 1
        if conflict_found([str(v) for v in conflict["values"]], conflict.get("files") or []):
            conflicts_found += 1
        else:
            misses.append(f"corpus: conflict missed: {conflict['about']} {conflict['values']}")

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "persons_precision": precision,
        "persons_recall": recall,
        "persons_f1": f1,
        "role_accuracy": roles_ok / roles_total if roles_total else 0.0,
        "meetings": meetings_total,
        "meeting_date_recall": meetings_found / meetings_total if meetings_total else 0.0,
        "meeting_place_ok": place_ok,
        "meeting_attendance_ok": attendance_ok,
        "conflicts": conflicts_total,
        "conflicts_found": conflicts_found,
        "date_false_positives": false_dates,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "bench" / "gold" / "seeds_gold.yaml")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--extract", type=Path, default=None, help="a saved `natotui extract` JSON")
    args = parser.parse_args(argv)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    load_aliases(args.config)
    if args.extract:
        document = json.loads(args.extract.read_text(encoding="utf-8"))
    else:
        document = extract_document(args.data, args.config)
    result = score(document, gold)
    print(
        f"persons        P {result['persons_precision']:.3f}  R {result['persons_recall']:.3f}  F1 {result['persons_f1']:.3f}"
    )
    print(f"role accuracy  {result['role_accuracy']:.3f}")
    print(
        f"meetings       date recall {result['meeting_date_recall']:.3f} ({result['meetings']} gold), "
        f"place ok {result['meeting_place_ok']}, attendance ok {result['meeting_attendance_ok']}"
    )
    print(f"conflicts      {result['conflicts_found']}/{result['conflicts']} found")
    print(
        f"date false positives  {len(result['date_false_positives'])} {result['date_false_positives']}"
    )
    if result["misses"]:
        print("\nmisses:")
        for miss in result["misses"]:
            print(f"  - {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
