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
Exit 0 when everything matches."""
import csv, datetime, json, sys
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

skilled, high, first = defaultdict(set), defaultdict(set), {}
for cert in rows("certificates.csv"):
    issued = datetime.date.fromisoformat(cert["issued_on"])
    holder, county = cert["holder_id_number"], int(cert["county"])
    first[holder] = min(first.get(holder, (issued, county)), (issued, county))
    ends = plus_years(issued, LIFETIME[cert["kind"]]) if cert["kind"] in LIFETIME else None
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
def counting(county):
    return 140525 if county == 140599 else county

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
      f"{int(city['trained_for_certificate'])} trained for a certificate, {int(city['labour_brands'])} brands)")
