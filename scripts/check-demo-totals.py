#!/usr/bin/env python3
"""Recounts the city's indicators from the demo CSV files, independently of the services,
and compares them with `jcskills totals --json --county all` (read from stdin).

    jcskills totals --json --county all | scripts/check-demo-totals.py DEMO_DIR

Rules counted here (README, "The evaluation centre"): a certificate is valid from its issue
date; special-operations certificates for 6 years, special-equipment ones for 4; the demo has
no revocations and no declared baseline. Skilled workers: distinct holders with a valid
certificate (per county: of that county); high-skill: a valid level 3, 2 or 1; new in the year:
holders whose first certificate was issued that year. Registered: persons registered by the
as-of date and not yet 61 on it (docs/NUMBERS.md, "Age"; the birth date is in the ID number).
Training: docs/NUMBERS.md, "Training on a date" (see the comment where it is counted).
Competitions: docs/COMPETITIONS.md — the judges' sheets replayed as the service records them,
each event ranked and awarded by its competition's rule, the studios' masters checked (see the
comment where they are counted); the level promotions, whose certificates the evaluation
figures count too, once the promoter has issued them all (scripts/e2e waits for that).
Exit 0 when everything matches."""
import csv, datetime, glob, json, os, re, sys
from collections import defaultdict

demo = sys.argv[1]
totals = json.load(sys.stdin)
as_of = datetime.date.fromisoformat(totals["as_of"])
year = totals["year"]
LIFETIME = {"special_operations": 6, "special_equipment": 4}

def plus_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year: the 28th, as the service does
        return day.replace(year=day.year + years, day=28)

def rows(name):
    with open(f"{demo}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

expected = defaultdict(lambda: defaultdict(float))  # scope -> key -> value
registered = defaultdict(int)
def ages_out(birth):  # the 61st birthday; 1 March in a common year for 29 February
    try:
        return birth.replace(year=birth.year + 61)
    except ValueError:
        return datetime.date(birth.year + 61, 3, 1)

for person in rows("persons.csv"):
    number = person["id_number"]
    digits = number[6:14] if len(number) == 18 else "19" + number[6:12]  # 15-digit legacy numbers
    birth = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    on = datetime.date.fromisoformat(person["registered_on"]) if person["registered_on"] else as_of
    if on <= as_of < ages_out(birth):
        registered[int(person["residence_county"])] += 1

# Competitions (docs/COMPETITIONS.md), loaded as `local up --demo` loads them (Sources/CLI/
# LocalDemo.swift): the competitions and events, then entries.csv one `Enter` a row, then each
# judge's marks_<code>.csv under that judge's identity (J01, J02, … in code order), then every
# event closed (which makes the awards), then studios.csv. Everything is done on the day
# `local up --demo` ran, on or before the as-of date of today's totals, so entries and closes
# count by the competition's year alone. Rows the service would refuse are left out as it
# leaves them out: an entry whose ID number is not a valid 18-character number, a worker the
# registry does not hold (persons.csv), a student without school or county; a marks row for an
# entry not made, with a mark that is not one, or repeating an entry and criterion of the file
# with another mark (only the first is sent); a whole sheet (a judge's rows of one event) when a
# judge is not listed for the event or a mark of it is above its maximum, names an unknown
# criterion, or is a fourth judge's score of a judgement; a studio whose master holds no valid
# level 2 or 1 certificate (skill-level or vocational-qualification: neither expires).
def counting(county):  # the development zone (140599) counts in 泽州县 (140525)
    return 140525 if county == 140599 else county

SIX = [140502, 140521, 140522, 140524, 140525, 140581]   # JinchengDivisions.countyCodes
RECORD_COUNTIES = set(SIX) | {140599}
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

def id_number(text):  # ResidentIDNumber.parse: the normalised number, or None
    text = text.strip().upper()
    if len(text) != 18 or not text.isascii() or not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        return None
    try:
        if int(text[6:10]) < 1800:
            return None
        datetime.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None
    return text if "10X98765432"[sum(int(d) * w for d, w in zip(text, ID_WEIGHTS)) % 11] == text[17] else None

def hundredths(text):  # CompetitionCSVFormat.parseMarks
    m = re.fullmatch(r"(\d{1,6})(?:\.(\d{1,2}))?", text.strip())
    if not m:
        return None
    return int(m.group(1)) * 100 + (int(m.group(2).ljust(2, "0")) if m.group(2) else 0)

def number_or_zero(text):
    return int(text) if text.strip() else 0

TYPES = {"measurement": "measurement", "测量": "measurement", "1": "measurement",
         "judgement": "judgement", "评价": "judgement", "2": "judgement"}
competitions = {c["code"].strip(): c for c in rows("competitions.csv")}
events = {}
for row in rows("events.csv"):
    criteria = {}
    for item in filter(None, row["criteria"].split(";")):
        code, kind, maximum = [part.strip() for part in item.split(":", 3)[:3]]
        criteria[code] = (TYPES[kind], hundredths(maximum))
    events[(row["competition_code"].strip(), row["code"].strip())] = {
        "group": row["group"].strip(), "occupation": row["occupation"].strip(), "criteria": criteria,
        "judges": [j.strip() for j in row["judges"].split(";") if j.strip()]}
workers = {}  # the registry's persons: their county is the registry's
for person in rows("persons.csv"):
    number = id_number(person["id_number"])
    if number:
        workers[number] = int(person["residence_county"])

entered = {}   # (competition, event, the file's competitor number) -> (ID number, county)
placed = defaultdict(int)
first_entry = {}
entry_refusals = 0
for entry in rows("entries.csv"):
    key = (entry["competition_code"].strip(), entry["event_code"].strip())
    placed[key] += 1  # the demo numbers the rows of an event in file order, refused or not
    file_number = f"{key[1]}-{placed[key]:04d}"
    number, event = id_number(entry["id_number"]), events.get(key)
    county = number_or_zero(entry["county"])
    if number is None or event is None or key[0] not in competitions or not entry["name"].strip() \
            or (county != 0 and county not in RECORD_COUNTIES) or (key, number) in first_entry:
        entry_refusals += 1   # (entering again returns the first entry: nothing new)
        continue
    if event["group"] in ("workers", "职工组", "1"):
        if number not in workers:
            entry_refusals += 1
            continue
        county = workers[number]
    elif not entry["school"].strip() or county == 0:
        entry_refusals += 1
        continue
    first_entry[(key, number)] = True
    entered[key + (file_number,)] = (number, county)

# The judges' sheets, replayed on the service's slots: a measurement has one slot whoever marks
# it (a later mark replaces it, so the last judge's in file order wins), a judgement one per
# judge, at most three.
scores = defaultdict(dict)   # (competition, event, number, criterion) -> {judge or "": hundredths}
sheet_refusals = mark_refusals = 0
for path in sorted(glob.glob(f"{demo}/marks_*.csv")):
    judge = os.path.basename(path)[len("marks_"):-len(".csv")]
    seen, by_event = {}, defaultdict(list)
    for row in rows(os.path.basename(path)):
        fields = tuple(v.strip() for v in row.values())
        key = (row["competition_code"].strip(), row["event_code"].strip(), row["entry_number"].strip(), row["criterion_code"].strip())
        mark = hundredths(row["mark"])
        if mark is None or key in seen and seen[key] != fields:
            mark_refusals += 1
            continue
        if key in seen:
            continue  # an identical row: sent once
        seen[key] = fields
        if key[:3] not in entered:
            mark_refusals += 1
            continue
        by_event[key[:2]].append((key, mark))
    for event_key, sheet_rows in by_event.items():
        for start in range(0, len(sheet_rows), 5000):   # MarkSheet.limit
            sheet, event = sheet_rows[start:start + 5000], events.get(event_key)
            pending, ok = {}, event is not None and judge in event["judges"]
            for key, mark in sheet if ok else []:
                criterion = event["criteria"].get(key[3])
                if criterion is None or mark > criterion[1]:
                    ok = False
                    break
                slot = "" if criterion[0] == "measurement" else judge
                current = dict(pending.get(key, scores[key]))
                if slot not in current and criterion[0] == "judgement" and len(current) >= 3:
                    ok = False
                    break
                current[slot] = mark
                pending[key] = current
            if ok:
                scores.update(pending)
            else:
                sheet_refusals += 1

# Every event closed: ranked by total then measurement marks (equal on both share the rank),
# awarded down to the cut-off of the competition's rule.
awards = []   # (competition's year, ID number, county, occupation, rule)
experts, participants = defaultdict(int), defaultdict(set)
# Participants: each person once a year, in the county of their first entry of the year (entries
# are made in entries.csv's order), so the counties add up to the city.
first_county = {}
for (c, _, _), (person, county) in entered.items():
    if int(competitions[c]["year"]) == year:
        first_county.setdefault(person, counting(county))
for person, county in first_county.items():
    participants[0].add(person)
    participants[county].add(person)
for (competition, event_code), event in events.items():
    rule = competitions.get(competition)
    if rule is None:
        continue
    lines = []
    for (c, e, number), (person, county) in entered.items():
        if (c, e) != (competition, event_code):
            continue
        total = measured = 0
        for code, (kind, maximum) in event["criteria"].items():
            marks = scores.get((c, e, number, code), {})
            if kind == "measurement" and "" in marks:
                total += marks[""]
                measured += marks[""]
            elif kind == "judgement" and len(marks) == 3:
                total += (sum(marks.values()) + 1) // 3
        lines.append((total, measured, person, county))
    bounds = [int(rule["top_count"])] if int(rule["top_count"]) > 0 else []
    if int(rule["top_share_percent"]) > 0:
        bounds.append(-(-len(lines) * int(rule["top_share_percent"]) // 100))
    cutoff = min(bounds, default=0)
    for total, measured, person, county in lines:
        rank = 1 + sum(1 for t, m, _, _ in lines if (t, m) > (total, measured))
        if rank <= cutoff:
            awards.append((int(rule["year"]), person, county, event["occupation"], rule))
            if int(rule["year"]) == year and rule["names_technical_experts"].strip() == "true":
                for scope in (0, counting(county)):
                    experts[scope] += 1

# Level promotions (docs/COMPETITIONS.md, "Awards and promotion"): issued by the promoter beside
# the server, after the close, asynchronously — scripts/e2e waits until none is pending before it
# reads the totals, so they are settled here. A winner is issued a skill-level certificate in the
# event's occupation one level above the highest valid one held there (a vocational
# qualification counting as its level), level 4 without one; none at 高级技师 already. The demo's
# rule names the city centre, whose scope holds every event's occupation at every level, so the
# evaluation service refuses none. The certificate is dated the close's day (the day `local up`
# ran: the as-of date of today's totals), counts in the winner's county, and supersedes the
# holder's lower skill-level certificates of the occupation from that day — so it moves the
# evaluation's figures too.
held = defaultdict(lambda: 9)   # (ID number, occupation) -> the best level 1–5 held (1 the highest)
for cert in rows("certificates.csv"):
    if cert["kind"] in ("skill_level", "vocational_qualification") and cert["level"] \
            and datetime.date.fromisoformat(cert["issued_on"]) <= as_of:
        key = (cert["holder_id_number"], cert["occupation"])
        held[key] = min(held[key], int(cert["level"]))
promotions = defaultdict(int)   # scope -> promotions issued for the year's competitions
issued_by_promotion = []        # certificates.csv-like rows
for award_year, person, county, occupation, rule in awards:
    if rule["promotes_one_level"].strip() != "true" or held[(person, occupation)] == 1:
        continue
    level = 4 if held[(person, occupation)] == 9 else held[(person, occupation)] - 1
    issued_by_promotion.append({"kind": "skill_level", "level": str(level), "occupation": occupation, "holder_id_number": person,
                                "county": str(counting(county)), "issued_on": as_of.isoformat()})
    if award_year == year:
        for scope in (0, counting(county)):
            promotions[scope] += 1
superseding = {(c["holder_id_number"], c["occupation"]): int(c["level"]) for c in issued_by_promotion}

skilled, high, first = defaultdict(set), defaultdict(set), {}
for cert in rows("certificates.csv") + issued_by_promotion:
    issued = datetime.date.fromisoformat(cert["issued_on"])
    holder, county = cert["holder_id_number"], int(cert["county"])
    first[holder] = min(first.get(holder, (issued, county)), (issued, county))
    ends = plus_years(issued, LIFETIME[cert["kind"]]) if cert["kind"] in LIFETIME else None
    promoted_to = superseding.get((holder, cert["occupation"]))
    if cert["kind"] == "skill_level" and promoted_to is not None and int(cert["level"]) > promoted_to and issued < as_of:
        ends = as_of if ends is None else min(ends, as_of)
    if issued <= as_of and (ends is None or as_of < ends):
        for scope in (0, county):
            skilled[scope].add(holder)
            if cert["level"] in ("1", "2", "3"):
                high[scope].add(holder)

institutions = rows("institutions.csv")
bodies = {i["enterprise_credit_code"].upper() for i in institutions if i["type"] == "enterprise_body"}
for scope in [0] + sorted(registered):
    e = expected[scope]
    e["labour_registered"] = sum(registered.values()) if scope == 0 else registered[scope]
    e["skilled_workers"] = len(skilled[scope])
    e["high_skill_talent"] = len(high[scope])
    e["new_skilled_workers"] = sum(1 for d, c in first.values() if d.year == year and scope in (0, c))
    e["evaluation_institutions"] = sum(1 for i in institutions if scope in (0, int(i["county"])))
    e["enterprises_lacking_body"] = sum(
        1 for x in rows("enterprises.csv")
        if int(x["staff_count"]) >= 300 and x["credit_code"].upper() not in bodies and scope in (0, int(x["county"])))
    e["certified_share"] = 100.0 * e["skilled_workers"] / e["labour_registered"] if scope == 0 else None

# Training (docs/NUMBERS.md, "Training on a date"): the demo's enrolments were all accepted, made
# on the day `local up --demo` ran (on or before the as-of date of today's totals); the k-th row
# of enrolments.csv is enrolment TR<course's year><k, 8 digits> of the fresh service. A course
# and a brand count in their county, the development zone (140599) in 泽州县 (140525). A
# certificate after training (certificates_after.csv) counts from its issue in certificates.csv.

courses = {c["code"]: c for c in rows("courses.csv")}
results = {r["enrolment_number"]: r for r in rows("results.csv")}
issued_on = {c["number"]: datetime.date.fromisoformat(c["issued_on"]) for c in rows("certificates.csv")}
after = {a["enrolment_number"]: issued_on[a["certificate_number"]] for a in rows("certificates_after.csv")}
training = defaultdict(lambda: defaultdict(int))
for k, enrolment in enumerate(rows("enrolments.csv"), start=1):
    course = courses[enrolment["course_code"]]
    course_year = int(course["starts_on"][:4])
    result = results.get(f"TR{course_year}{k:08d}")
    for scope in (0, counting(int(course["county"]))):
        t = training[scope]
        if course_year >= 2020:
            t["trained_for_certificate"] += 1
        if course_year != year:
            continue
        if course["programme"] == "enterprise_employee_upgrade":
            t["enterprise_training"] += 1
        if course["programme"] == "key_group_subsidised":
            t["key_group_training"] += 1
            if result and datetime.date.fromisoformat(result["completed_on"]) <= as_of:
                t["completed"] += 1
                t["passed"] += result["passed"] == "true"
                job = result["employer_credit_code"] or result["self_employed"] == "true"
                t["employed"] += bool(job) and datetime.date.fromisoformat(result["employed_on"]) <= as_of
                number = f"TR{course_year}{k:08d}"
                t["certified"] += number in after and after[number] <= as_of
LEVELS = {"city": 1, "provincial": 2, "national": 3}
brands = []
for brand in rows("brands.csv"):
    reached = [(LEVELS[part.split(":")[0]], int(part.split(":")[1])) for part in brand["recognitions"].split(";") if part]
    brands.append((counting(int(brand["county"])), reached))
def has(county, level):
    return any(c == county and any(l >= level and y <= as_of.year for l, y in r) for c, r in brands)
all_counties = sorted(c for c in registered)

for scope in [0] + all_counties:
    e, t = expected[scope], training[scope]
    for key in ("enterprise_training", "key_group_training", "trained_for_certificate"):
        e[key] = t[key]
    for key, part in (("key_group_pass_rate", "passed"), ("key_group_employment_rate", "employed"),
                      ("key_group_certificate_rate", "certified")):
        e[key] = 100.0 * t[part] / t["completed"] if t["completed"] else 0.0
    counties = all_counties if scope == 0 else [scope]
    e["labour_brands"] = sum(1 for c, r in brands if c in counties and any(l >= 1 and y <= as_of.year for l, y in r))
    e["counties_lacking_city_brand"] = sum(1 for c in counties if not has(c, 1))
    e["counties_lacking_provincial_brand"] = sum(1 for c in counties if not has(c, 2))

masters = defaultdict(lambda: 9)   # the best valid level 1–5 a person holds (1 the highest)
for cert in rows("certificates.csv"):
    if cert["kind"] in ("skill_level", "vocational_qualification") and cert["level"] \
            and datetime.date.fromisoformat(cert["issued_on"]) <= as_of:
        masters[cert["holder_id_number"]] = min(masters[cert["holder_id_number"]], int(cert["level"]))
studios, studio_refusals = {}, 0
for studio in rows("studios.csv"):
    code, master = studio["code"].strip(), id_number(studio["master_id_number"])
    if code in studios or not master or masters[master] > 2 or int(studio["county"]) not in RECORD_COUNTIES:
        studio_refusals += 1
        continue
    studios[code] = (counting(int(studio["county"])), datetime.date.fromisoformat(studio["established_on"]))
open_by = {county for county, established in studios.values() if established <= as_of}

for scope in [0] + SIX:
    e = expected[scope]
    e["competition_participants"] = len(participants[scope])
    e["technical_experts"] = experts[scope]
    e["level_promotions"] = promotions[scope]
    e["master_studios"] = sum(1 for county, established in studios.values() if established <= as_of and scope in (0, county))
    e["counties_without_studio"] = sum(1 for county in (SIX if scope == 0 else [scope]) if county not in open_by)

failures = []
for scope_totals in [totals["city"]] + totals["counties"]:
    scope = scope_totals["county"]
    served = {i["key"]: i.get("value") for i in scope_totals["indicators"]}
    for key, value in expected[scope].items():
        if value is None:
            continue
        if served.get(key) is None or abs(served[key] - value) > 1e-6:
            failures.append(f"{key} in {scope or 'the city'}: served {served.get(key)}, recounted {value}")
for failure in failures:
    print("check-demo-totals: MISMATCH", failure)
if failures:
    sys.exit(1)
city = expected[0]
print(f"check-demo-totals: {len(expected)} scopes match the recount (city: {int(city['labour_registered'])} registered, "
      f"{int(city['skilled_workers'])} skilled, {int(city['high_skill_talent'])} high-skill, "
      f"{int(city['new_skilled_workers'])} new in {year}, "
      f"{int(city['evaluation_institutions'])} institutions, {int(city['enterprises_lacking_body'])} lacking a body; "
      f"training {int(city['enterprise_training'])} enterprise and {int(city['key_group_training'])} key-group person-times in {year}, "
      f"{int(city['trained_for_certificate'])} trained for a certificate, {int(city['labour_brands'])} brands; "
      f"competitions {int(city['competition_participants'])} competitors and {int(city['technical_experts'])} technical experts in {year}, "
      f"{int(city['level_promotions'])} promoted a level, "
      f"{int(city['master_studios'])} studios, {int(city['counties_without_studio'])} counties without one; "
      f"refused: {entry_refusals} entries, {mark_refusals} mark rows, {sheet_refusals} sheets, {studio_refusals} studios)")
