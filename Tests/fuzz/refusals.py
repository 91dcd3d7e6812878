"""Schemathesis hooks for the CI fuzz step (`.ci/run`).

`documented_refusal`: a schema-valid request answered 422 passes only when every field the server names is one whose
rule the OpenAPI document cannot state (a check digit, a record's state, the caller's jurisdiction, a date against
today). Anything else means the document says less than the server checks: state it there. docs/security.md lists
these rules.
"""
import fnmatch

import schemathesis

# The rules, by kind. docs/security.md lists the same.
ID = "an ID number's check digit and the birth date inside it; sex and birth date must agree with it"
UNIT = "a unit code that names no unit in use in the caller's jurisdiction, or one of the wrong level (a record not found)"
RECORD = "an ID in the body that names no record the caller may use, or one in the wrong state (a record not found)"
STATE = ("the record's state: step order, a retired unit, a unit's name already used under its parent, a disabled account, a closed case, a full volunteer, a visit's three photos, "
         "a child already enrolled or not on the care list, a full or closed station, "
         "a household already in another active neighbour group")
TODAY = ("a date against today or against the record (not in the future, not before the launch or the report; a roster day "
         "the station keeps, within the last days the rules allow; an event already held not moved after today)")
EMPLOYMENT = ("training and job fairs: a woman's training topics typed as text (tokens or their words, comma-separated); a course's "
              "unit a county, township or village, its end after its start within 366 days, its places never below the women enrolled; "
              "an enrolment of a woman the caller reaches while places are left; an attendance day within the course; a certificate "
              "only with enough attendance and once; a follow-up only after completion; a fair's unit in use; a posting's employer "
              "this fair's and its pay range in order; an intent or hire of a woman who attended, within the posting's openings")
LOANS = ("guaranteed start-up loans: the policy's limits (an individual's amount, a partnership's share of its members' limits, "
         "the term, the bank's rate above the LPR in force), a borrower or partner a living woman of the policy's ages in the "
         "caller's jurisdiction whose loans behind her are settled and were never overdue, fewer than the policy's number, a "
         "project named; a step in order, by its roles and never by the account behind the last one, with its document number "
         "and a rejection's reason; the bank's amount no more than applied for and the disbursement no more than approved; a "
         "repayment only on a disbursed loan, not before its disbursement, not more principal than is out; a subsidy quarter "
         "the loan has, over and above zero, paid by another account than its claimant")
RIGHTS = ("rights cases: one applicant among the parties at least, a party's personId a person the caller reads; mediators active "
          "accounts that may mediate in the case's village (its township's staff, its village worker, the justice bureau), a reason "
          "when naming oneself; advice when a party refuses mediation; each outcome kind's own parts (content; facts, terms, "
          "performance, signers, signing day; referral and advice); a step in the case's order; a period's end after its start; "
          "a protection order's decision day once decided and not before the application, an expiry only for a granted one, "
          "after its decision")
HEALTH = ("两癌 screening: a campaign's year from last year to next and its sites' days in that year, each site named once; a "
          "township of the caller's; invitations only of women due for a programme of the campaign; a booking on a day the "
          "site holds; attendance on a campaign day not after today; a team's leader, members and named participants people "
          "of the caller's jurisdiction")
CALLER = "a role the caller's own role may not create, or a duty the account's role may not hold"
MONEY = ("an amount in yuan above ten billion (10^10), zero where more than zero is needed, or more than what remains of a "
         "donation once its allocations are counted")
DEPENDS = ("a field required or constrained by another one: a parent's name with his number, a guardian when living with one, "
           "a note when guardianship is improper or a visit item is a concern, the police report number when the police were called, "
           "both coordinates or neither, a response step's action by its step, reminder days in increasing order, "
           "a closing date only on a closed station and not before its opening, a holiday's end after its start and in its year, "
           "a riskier tier weighing no less, a health programme's upper age not below its lower, a leave with its note, a donation's amount with money and its description and value with goods "
           "(each amount within ten billion yuan, money's more than zero), a loan policy's ages in order and each LPR date once")

# "METHOD path" -> {field pattern (fnmatch): rule}: what the server may refuse a schema-valid request on.
ALLOWED = {
    "POST /api/v1/children": {"idNumber": ID, "*.idNumber": ID, "sex": ID, "birthDate": ID, "*.birthDate": ID, "villageCode": UNIT,
                              "informedOn": TODAY, "*.since": TODAY, "*.name": DEPENDS, "improperNote": DEPENDS},
    "PATCH /api/v1/children/{id}": {"*.idNumber": ID, "*.birthDate": ID, "villageCode": UNIT, "informedOn": TODAY, "*.since": TODAY,
                                    "guardian.name": DEPENDS, "guardian": DEPENDS, "improperNote": DEPENDS},
    "POST /api/v1/women": {"trainingTopics": EMPLOYMENT, "idNumber": ID, "*.idNumber": ID, "villageCode": UNIT, "*.since": TODAY, "husband.name": DEPENDS},
    "PATCH /api/v1/women/{id}": {"trainingTopics": EMPLOYMENT, "idNumber": ID, "*.idNumber": ID, "villageCode": UNIT, "*.since": TODAY, "husband.name": DEPENDS},
    "PATCH /api/v1/people/{id}": {"birthDate": ID, "healthSince": TODAY},
    "POST /api/v1/households": {"villageCode": UNIT},
    "POST /api/v1/volunteers": {"idNumber": ID, "unitCode": UNIT, "latitude": DEPENDS, "longitude": DEPENDS, "account": RECORD},
    "PATCH /api/v1/volunteers/{id}": {"unitCode": UNIT, "latitude": DEPENDS, "longitude": DEPENDS, "account": RECORD, "capacity": STATE, "status": STATE},
    "POST /api/v1/volunteers/{id}/screening": {"step": STATE, "on": TODAY},
    "POST /api/v1/pairs": {"childId": RECORD, "volunteerId": RECORD},
    "POST /api/v1/pairs/{id}/approve": {"status": STATE, "startOn": TODAY},
    "POST /api/v1/pairs/{id}/pause": {"status": STATE},
    "POST /api/v1/pairs/{id}/resume": {"status": STATE},
    "POST /api/v1/pairs/{id}/close": {"status": STATE},
    "POST /api/v1/pairs/{id}/reopen": {"status": STATE, "childId": STATE, "volunteerId": STATE},
    "POST /api/v1/pairs/{id}/contacts": {"status": STATE, "date": TODAY},
    "POST /api/v1/pairs/{id}/checkins": {"status": STATE, "date": TODAY},
    "POST /api/v1/my/pairs/{id}/contacts": {"status": STATE, "date": TODAY},
    "POST /api/v1/my/pairs/{id}/concerns": {"status": STATE},
    "POST /api/v1/pairing/suggestions": {"unit": UNIT},
    "POST /api/v1/campaigns": {"unitCode": UNIT, "launchedOn": TODAY},
    "POST /api/v1/campaigns/{id}/volunteers": {"volunteerId": RECORD, "signedOn": TODAY},
    "POST /api/v1/children/{id}/visits": {"date": TODAY, "notes": DEPENDS},
    "POST /api/v1/visits/{id}/photos": {"photos": STATE},
    "PUT /api/v1/pairing/cadence": {"volunteerDays": DEPENDS, "villageDays": DEPENDS, "townshipDays": DEPENDS},
    "POST /api/v1/children/{id}/merge": {"into": RECORD},
    "POST /api/v1/reports": {"childId": RECORD, "reportedAt": TODAY, "policeReportNo": DEPENDS},
    "POST /api/v1/reports/{id}/steps": {"action": DEPENDS, "doneAt": TODAY, "status": STATE},
    "POST /api/v1/reports/{id}/close": {"step.*": STATE, "status": STATE},
    "POST /api/v1/units": {"parentCode": UNIT, "name": STATE},
    "PATCH /api/v1/units/{code}": {"name": STATE, "reason": STATE},
    "POST /api/v1/units/{code}/merge": {"into": UNIT, "reason": STATE},
    "POST /api/v1/units/{code}/retire": {"reason": STATE},
    "POST /api/v1/accounts": {"role": CALLER, "unitCode": UNIT},
    "POST /api/v1/accounts/{id}/handover": {"username": STATE},
    "POST /api/v1/stations": {"unitCode": UNIT, "volunteerIds*": RECORD, "openedOn": TODAY, "closedOn": DEPENDS,
                              "latitude": DEPENDS, "longitude": DEPENDS},
    "PATCH /api/v1/stations/{id}": {"unitCode": UNIT, "volunteerIds*": RECORD, "openedOn": TODAY, "closedOn": DEPENDS,
                                    "latitude": DEPENDS, "longitude": DEPENDS},
    "POST /api/v1/stations/{id}/enrolments": {"childId": STATE},
    "POST /api/v1/stations/{id}/enrolments/{eid}/end": {"on": TODAY},
    "GET /api/v1/stations/{id}/attendance": {"date": TODAY},
    "PUT /api/v1/stations/{id}/attendance/{date}": {"date": TODAY, "entries*.childId": RECORD, "entries*.note": DEPENDS},
    "POST /api/v1/stations/{id}/activities": {"date": TODAY, "participants*": RECORD},
    "PUT /api/v1/stations/calendar": {"winter.*": DEPENDS, "summer.*": DEPENDS, "closedDays*": DEPENDS},
    "PUT /api/v1/stations/rules": {"highWeight": DEPENDS},
    "POST /api/v1/sites": {"unitCode": UNIT},
    "PATCH /api/v1/sites/{id}": {"unitCode": UNIT, "latitude": DEPENDS, "longitude": DEPENDS},
    # Neighbour groups: a village of the jurisdiction, households registered there and in no other active group (nor
    # named twice), the leader living in one of them, consent days not in the future.
    "POST /api/v1/neighbour-groups": {"villageCode": UNIT, "members*.householdId": RECORD, "members": STATE,
                                      "members*.consentedOn": TODAY, "leaderPersonId": RECORD},
    "PATCH /api/v1/neighbour-groups/{id}": {"villageCode": UNIT, "members*.householdId": RECORD, "members": STATE,
                                            "members*.consentedOn": TODAY, "leaderPersonId": RECORD},
    "POST /api/v1/neighbour-groups/suggestions": {"villageCode": UNIT},
    "POST /api/v1/neighbour-groups/{id}/activities": {"date": TODAY},
    "POST /api/v1/neighbour-groups/{id}/concerns": {"childId": RECORD},
    # Donations: a county, township or village of the jurisdiction, a donor booked there, money with an amount and goods
    # with a description and a value, amounts within the limit and within what remains (a changed allocation against what
    # the others leave). Events: participants children the caller reads; a held event's day not moved after today.
    "POST /api/v1/donors": {"unitCode": UNIT},
    "PATCH /api/v1/donors/{id}": {"unitCode": UNIT},
    "POST /api/v1/donations": {"unitCode": UNIT, "donorId": RECORD, "receivedOn": TODAY, "amount": DEPENDS, "value": DEPENDS,
                               "description": DEPENDS},
    "POST /api/v1/donations/{id}/allocations": {"targetId": RECORD, "amount": MONEY, "on": TODAY},
    "PATCH /api/v1/donations/{id}/allocations/{aid}": {"targetId": RECORD, "amount": MONEY, "on": TODAY},
    "POST /api/v1/events": {"unitCode": UNIT, "participants*": RECORD},
    "PATCH /api/v1/events/{id}": {"unitCode": UNIT, "participants*": RECORD, "date": TODAY},
    "PUT /api/v1/accounts/{id}/duties": {"duties*": CALLER},
    "PUT /api/v1/loans/policy": {"individualMax": MONEY, "maxAge": DEPENDS, "lpr*": DEPENDS},
    "POST /api/v1/courses": {"unitCode": UNIT, "to": EMPLOYMENT, "from": EMPLOYMENT},
    "PATCH /api/v1/courses/{id}": {"unitCode": UNIT, "to": EMPLOYMENT, "from": EMPLOYMENT, "capacity": EMPLOYMENT},
    "POST /api/v1/courses/{id}/enrolments": {"personId": RECORD},
    "PUT /api/v1/courses/{id}/attendance/{date}": {"date": TODAY, "entries*": RECORD},
    "POST /api/v1/training-enrolments/{id}/complete": {"attendance": EMPLOYMENT, "certificateNo": EMPLOYMENT},
    "POST /api/v1/training-enrolments/{id}/followups": {"month": EMPLOYMENT},
    "POST /api/v1/job-fairs": {"unitCode": UNIT, "date": TODAY},
    "PATCH /api/v1/job-fairs/{id}": {"unitCode": UNIT, "date": TODAY},
    "POST /api/v1/job-fairs/{id}/postings": {"employerId": RECORD, "payMin": EMPLOYMENT, "payMax": EMPLOYMENT},
    "POST /api/v1/job-fairs/{id}/attendees": {"personId": RECORD},
    "POST /api/v1/job-fairs/{id}/intents": {"personId": RECORD, "postingId": RECORD},
    "POST /api/v1/job-fairs/{id}/hires": {"personId": RECORD, "postingId": EMPLOYMENT},
    "POST /api/v1/rights/cases": {"villageCode": UNIT, "receivedOn": TODAY, "parties": RIGHTS, "parties*": RIGHTS},
    "POST /api/v1/rights/cases/{id}/mediators": {"userIds*": RIGHTS, "reason": RIGHTS, "status": STATE},
    "POST /api/v1/rights/cases/{id}/accept": {"advice": RIGHTS, "status": STATE},
    "POST /api/v1/rights/cases/{id}/decline": {"status": STATE},
    "POST /api/v1/rights/cases/{id}/meetings": {"date": TODAY, "status": STATE},
    "POST /api/v1/rights/cases/{id}/outcome": {"content": RIGHTS, "facts": RIGHTS, "terms": RIGHTS, "performance": RIGHTS,
                                               "signedBy": RIGHTS, "signedOn": TODAY, "referral": RIGHTS, "advice": RIGHTS,
                                               "on": TODAY, "status": STATE},
    "POST /api/v1/rights/cases/{id}/followups": {"on": TODAY, "status": STATE},
    "POST /api/v1/rights/cases/{id}/close": {"status": STATE},
    "POST /api/v1/rights/cases/{id}/safety": {"status": STATE, "warningLetter.issuedOn": TODAY, "protectionOrder.appliedOn": TODAY,
                                              "protectionOrder.decidedOn": RIGHTS, "protectionOrder.expiresOn": RIGHTS},
    "POST /api/v1/rights/cases/{id}/child-reports": {"childId": RIGHTS, "seen": RIGHTS, "reason": RIGHTS},
    "GET /api/v1/rights/stats": {"to": RIGHTS},
    "PUT /api/v1/health/settings": {"ageTo": DEPENDS},
    "POST /api/v1/health/campaigns": {"year": HEALTH, "unitCode": UNIT, "sites*": HEALTH},
    "POST /api/v1/health/campaigns/{id}/invitations": {"personIds*": HEALTH},
    "POST /api/v1/health/campaigns/{id}/appointments": {"personId": RECORD, "site": HEALTH, "date": HEALTH},
    "POST /api/v1/health/campaigns/{id}/attendance": {"personId": RECORD, "date": TODAY},
    "POST /api/v1/health/screenings": {"personId": RECORD, "campaignId": RECORD, "date": TODAY, "programme": HEALTH},
    "POST /api/v1/teams": {"unitCode": UNIT, "leaderPersonId": RECORD, "members*": RECORD},
    "POST /api/v1/teams/{id}/activities": {"date": TODAY, "participants*": RECORD},
    "POST /api/v1/loans": {"personId": LOANS, "partnerIds*": LOANS, "amount": LOANS, "termMonths": LOANS, "project": LOANS,
                           "kind": LOANS},
    "POST /api/v1/loans/{id}/steps": {"step": LOANS, "reason": LOANS, "documentNo": LOANS, "on": TODAY, "amount": LOANS,
                                      "rateBP": LOANS, "termMonths": LOANS},
    "POST /api/v1/loans/{id}/repayments": {"on": TODAY, "principal": LOANS, "interest": LOANS, "status": LOANS},
    "POST /api/v1/loans/{id}/subsidies/{from}/{action}": {"status": LOANS, "from": LOANS},

}


@schemathesis.check
def documented_refusal(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    try:
        fields = [f["field"] for f in response.json()["error"].get("fields", [])]
    except Exception:
        fields = []
    label = f"{case.method.upper()} {case.operation.path}"
    allowed = ALLOWED.get(label, {})
    unstated = [f for f in fields if not any(fnmatch.fnmatchcase(f, p) for p in allowed)]
    if not fields or unstated:
        raise AssertionError(
            f"Schema-valid request refused with 422 on {', '.join(unstated) or 'no field'}: "
            f"state the rule in OpenAPIDocument.swift, or list it in Tests/fuzz/refusals.py and docs/security.md if a schema cannot state it\n"
            f"{response.text[:400]}"
        )
    return None
