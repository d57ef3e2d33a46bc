"""Typed messages, enums and service clients generated from the contract.

Source: jcskills/contracts.py + Protocol/contracts.json (sha256 0e8057635eff8f23).
Do not edit: run `python3 clients/python/generate.py` (and `--check` in CI).
"""

# fmt: off
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, AsyncIterable, Iterable, Optional, Union

from .client import Client, ResponseStream, StreamingCall
from .contracts import Method, methods_of
from .schema import SchemaSet


class CertificateKind(IntEnum):
    UNSPECIFIED = 0
    VOCATIONAL_QUALIFICATION = 1
    SKILL_LEVEL = 2
    SPECIAL_ABILITY = 3
    SPECIAL_OPERATIONS = 4
    SPECIAL_EQUIPMENT_OPERATOR = 5


class CertificateState(IntEnum):
    UNKNOWN = 0
    VALID = 1
    EXPIRED = 2
    REVOKED = 3
    SUPERSEDED = 4


class CompetitionKind(IntEnum):
    UNSPECIFIED = 0
    ANNUAL_CITY = 1
    SPECIAL = 2


class CompetitionLevel(IntEnum):
    UNSPECIFIED = 0
    CITY = 1
    COUNTY = 2
    ENTERPRISE = 3


class CriterionType(IntEnum):
    UNSPECIFIED = 0
    MEASUREMENT = 1
    JUDGEMENT = 2


class EducationLevel(IntEnum):
    UNSPECIFIED = 0
    PRIMARY = 1
    JUNIOR_SECONDARY = 2
    SENIOR_SECONDARY = 3
    VOCATIONAL = 4
    COLLEGE = 5
    UNIVERSITY = 6
    POSTGRADUATE = 7


class EmploymentStatus(IntEnum):
    UNSPECIFIED = 0
    EMPLOYED = 1
    UNEMPLOYED = 2
    SEEKING = 3
    SELF_EMPLOYED = 4


class EventState(IntEnum):
    UNSPECIFIED = 0
    OPEN = 1
    CLOSED = 2


class Gender(IntEnum):
    UNSPECIFIED = 0
    MALE = 1
    FEMALE = 2


class IndicatorStatus(IntEnum):
    UNSPECIFIED = 0
    MET = 1
    ON_TRACK = 2
    BEHIND = 3
    NO_TARGET = 4
    UNAVAILABLE = 5


class InstitutionStatus(IntEnum):
    UNSPECIFIED = 0
    ACTIVE = 1
    SUSPENDED = 2
    REVOKED = 3


class InstitutionType(IntEnum):
    UNSPECIFIED = 0
    ENTERPRISE_BODY = 1
    SOCIAL_ORGANISATION = 2
    VOCATIONAL_COLLEGE = 3
    CITY_CENTRE = 4


class KeyEmploymentGroup(IntEnum):
    UNSPECIFIED = 0
    POOR_FAMILY_CHILDREN = 1
    POOR_LABOUR = 2
    SCHOOL_LEAVERS = 3
    RURAL_MIGRANT_WORKERS = 4
    LAID_OFF_UNEMPLOYED = 5
    REDEPLOYED_WORKERS = 6
    VETERANS = 7
    DISABLED = 8
    COLLEGE_GRADUATES = 9
    ENTERPRISE_EMPLOYEES = 10
    HARD_TO_EMPLOY = 11


class LabourCategory(IntEnum):
    UNSPECIFIED = 0
    POOR = 1
    UNIVERSITY_GRADUATE = 2
    RURAL = 3
    URBAN = 4


class LeavingReason(IntEnum):
    UNSPECIFIED = 0
    AGE = 1
    DEATH = 2
    EMIGRATION = 3


class ParticipantGroup(IntEnum):
    UNSPECIFIED = 0
    WORKERS = 1
    STUDENTS = 2


class PromotionState(IntEnum):
    NONE = 0
    PENDING = 1
    ISSUED = 2
    AT_TOP_LEVEL = 3
    REFUSED = 4


class RecognitionLevel(IntEnum):
    UNSPECIFIED = 0
    CITY = 1
    PROVINCIAL = 2
    NATIONAL = 3


class RegistrationStatus(IntEnum):
    UNSPECIFIED = 0
    ACTIVE = 1
    MOVED_AWAY = 2
    LEFT_LABOUR_FORCE = 3


class ServingStatus(IntEnum):
    UNKNOWN = 0
    SERVING = 1
    NOT_SERVING = 2
    DRAINING = 3


class SkillLevel(IntEnum):
    UNSPECIFIED = 0
    LEVEL1 = 1
    LEVEL2 = 2
    LEVEL3 = 3
    LEVEL4 = 4
    LEVEL5 = 5
    APPRENTICE = 6
    SPECIAL_GRADE_TECHNICIAN = 11
    CHIEF_TECHNICIAN = 12


class TrainingMode(IntEnum):
    UNSPECIFIED = 0
    NEW_APPRENTICESHIP = 1
    TRAINING_IN_PLACE_OF_WORK = 2
    PROJECT_BASED = 3
    WORK_STUDY_INTEGRATION = 4
    INTERNET_PLUS = 5


class TrainingProgramme(IntEnum):
    UNSPECIFIED = 0
    ENTERPRISE_EMPLOYEE_UPGRADE = 1
    KEY_GROUP_SUBSIDISED = 2
    FIRST_CERTIFICATE = 3
    LEVEL_UPGRADE = 4


class TrainingProviderKind(IntEnum):
    UNSPECIFIED = 0
    TRAINING_INSTITUTION = 1
    ENTERPRISE = 2


@dataclass
class Award:
    competition_code: str = ""
    event_code: str = ""
    entry_number: str = ""
    name_masked: str = ""
    county: int = 0
    rank: int = 0
    year: int = 0
    technical_expert: bool = False
    promotion: Union[PromotionState, int] = PromotionState.NONE
    from_level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    to_level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    certificate_number: str = ""
    last_error: str = ""


@dataclass
class AwardList:
    awards: list[Award] = field(default_factory=list)


@dataclass
class AwardRule:
    top_count: int = 0
    top_share_percent: int = 0
    names_technical_experts: bool = False
    promotes_one_level: bool = False
    institution_code: str = ""


@dataclass
class AwardsRequest:
    competition_code: str = ""
    year: int = 0


@dataclass
class BaselineDeclaration:
    county: int = 0
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    persons: int = 0
    as_of: int = 0


@dataclass
class BaselineEntry:
    county: int = 0
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    as_of: int = 0
    declared: int = 0
    claimed: int = 0
    counted: int = 0


@dataclass
class BaselineReport:
    entries: list[BaselineEntry] = field(default_factory=list)


@dataclass
class BaselineRequest:
    county: int = 0


@dataclass
class BrandRecognition:
    level: Union[RecognitionLevel, int] = RecognitionLevel.UNSPECIFIED
    year: int = 0


@dataclass
class BrandYear:
    year: int = 0
    trained: int = 0
    placed: int = 0
    subsidy_due: int = 0


@dataclass
class CallHeaders:
    method: str = ""
    timeout_microseconds: int = 0
    metadata: list[MetadataEntry] = field(default_factory=list)


@dataclass
class CancelReason:
    code: int = 0
    message: str = ""


@dataclass
class CertificateAfterTraining:
    enrolment_number: str = ""
    certificate_number: str = ""


@dataclass
class CertificateAfterTrainingBatch:
    rows: list[CertificateAfterTrainingRow] = field(default_factory=list)


@dataclass
class CertificateAfterTrainingRow:
    line: int = 0
    certificate: CertificateAfterTraining = field(default_factory=lambda: CertificateAfterTraining())


@dataclass
class CertificateImportBatch:
    rows: list[CertificateImportRow] = field(default_factory=list)


@dataclass
class CertificateImportRow:
    line: int = 0
    number: str = ""
    certificate: CertificateIssue = field(default_factory=lambda: CertificateIssue())
    pre_system: bool = False


@dataclass
class CertificateIssue:
    institution_code: str = ""
    kind: Union[CertificateKind, int] = CertificateKind.UNSPECIFIED
    occupation: str = ""
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    operation_code: str = ""
    holder_id_number: str = ""
    holder_name: str = ""
    employer_credit_code: str = ""
    county: int = 0
    issued_on: int = 0


@dataclass
class CertificateLookup:
    number: str = ""


@dataclass
class CertificateRevocation:
    number: str = ""
    reason: str = ""


@dataclass
class CertificateVerification:
    state: Union[CertificateState, int] = CertificateState.UNKNOWN
    kind: Union[CertificateKind, int] = CertificateKind.UNSPECIFIED
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    issued_on: int = 0


@dataclass
class CertificateVerificationBatch:
    requests: list[CertificateVerificationRequest] = field(default_factory=list)


@dataclass
class CertificateVerificationRequest:
    number: str = ""
    holder_name: str = ""
    holder_id_number: str = ""


@dataclass
class CertificateVerifications:
    answers: list[CertificateVerification] = field(default_factory=list)


@dataclass
class CertificateView:
    number: str = ""
    institution_code: str = ""
    kind: Union[CertificateKind, int] = CertificateKind.UNSPECIFIED
    occupation: str = ""
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    operation_code: str = ""
    holder_id_masked: str = ""
    holder_name_masked: str = ""
    employer_credit_code: str = ""
    county: int = 0
    issued_on: int = 0
    expires_on: int = 0
    review_dates: list[int] = field(default_factory=list)
    state: Union[CertificateState, int] = CertificateState.UNKNOWN
    ended_on: int = 0


@dataclass
class Competition:
    code: str = ""
    name: str = ""
    kind: Union[CompetitionKind, int] = CompetitionKind.UNSPECIFIED
    year: int = 0
    organiser: str = ""
    level: Union[CompetitionLevel, int] = CompetitionLevel.UNSPECIFIED
    county: int = 0
    award_rule: AwardRule = field(default_factory=lambda: AwardRule())


@dataclass
class CompetitionCounts:
    technical_experts: int = 0
    participants: int = 0
    level_promotions: int = 0
    promotions_pending: int = 0
    master_studios: int = 0
    counties_without_studio: int = 0


@dataclass
class CompetitionCountsAnswers:
    answers: list[CompetitionCounts] = field(default_factory=list)


@dataclass
class CompetitionList:
    competitions: list[CompetitionView] = field(default_factory=list)


@dataclass
class CompetitionListRequest:
    year: int = 0


@dataclass
class CompetitionLookup:
    code: str = ""


@dataclass
class CompetitionView:
    competition: Competition = field(default_factory=lambda: Competition())
    events: int = 0
    entries: int = 0


@dataclass
class ComplianceReport:
    county: int = 0
    minimum_staff: int = 0
    large_enterprises: int = 0
    lacking: list[EnterpriseSummary] = field(default_factory=list)


@dataclass
class ComplianceRequest:
    county: int = 0


@dataclass
class CountsQuestions:
    requests: list[CountsRequest] = field(default_factory=list)


@dataclass
class CountsRequest:
    county: int = 0
    as_of: int = 0
    year: int = 0


@dataclass
class CountyCoverage:
    county: int = 0
    registered: int = 0
    estimated_labour_force: int = 0


@dataclass
class Course:
    code: str = ""
    name: str = ""
    occupation: str = ""
    certificate_kind: Union[CertificateKind, int] = CertificateKind.UNSPECIFIED
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    mode: Union[TrainingMode, int] = TrainingMode.UNSPECIFIED
    programme: Union[TrainingProgramme, int] = TrainingProgramme.UNSPECIFIED
    provider_kind: Union[TrainingProviderKind, int] = TrainingProviderKind.UNSPECIFIED
    provider_credit_code: str = ""
    county: int = 0
    starts_on: int = 0
    ends_on: int = 0
    capacity: int = 0
    subsidy_per_trainee: int = 0
    labour_brand: str = ""
    subsidy_with_certificate: int = 0


@dataclass
class CourseList:
    courses: list[CourseView] = field(default_factory=list)


@dataclass
class CourseListRequest:
    county: int = 0
    year: int = 0


@dataclass
class CourseLookup:
    code: str = ""


@dataclass
class CourseView:
    course: Course = field(default_factory=lambda: Course())
    enrolled: int = 0


@dataclass
class Criterion:
    code: str = ""
    description: str = ""
    type: Union[CriterionType, int] = CriterionType.UNSPECIFIED
    maximum: int = 0


@dataclass
class DailyRegistrations:
    day: int = 0
    count: int = 0


@dataclass
class Demand:
    credit_code: str = ""
    occupation: str = ""
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    year: int = 0
    headcount: int = 0


@dataclass
class DemandGapReport:
    rows: list[DemandGapRow] = field(default_factory=list)


@dataclass
class DemandGapRequest:
    year: int = 0


@dataclass
class DemandGapRow:
    occupation: str = ""
    year: int = 0
    demand: int = 0
    working: int = 0
    wishing: int = 0


@dataclass
class DemandImportBatch:
    rows: list[DemandImportRow] = field(default_factory=list)


@dataclass
class DemandImportRow:
    line: int = 0
    demand: Demand = field(default_factory=lambda: Demand())


@dataclass
class EchoMessage:
    payload: bytes = b""
    text: str = ""
    count: int = 0
    delay_milliseconds: int = 0


@dataclass
class EnrolmentBatch:
    rows: list[EnrolmentRow] = field(default_factory=list)


@dataclass
class EnrolmentRequest:
    course_code: str = ""
    id_number: str = ""
    enrolled_on: int = 0


@dataclass
class EnrolmentRow:
    line: int = 0
    course_code: str = ""
    id_number: str = ""
    enrolled_on: int = 0


@dataclass
class EnrolmentView:
    number: str = ""
    course_code: str = ""
    card_number: str = ""
    county: int = 0
    key_groups: list[Union[KeyEmploymentGroup, int]] = field(default_factory=list)
    enrolled_on: int = 0


@dataclass
class Enterprise:
    credit_code: str = ""
    name: str = ""
    county: int = 0
    industry: str = ""
    staff_count: int = 0
    above_designated_size: bool = False


@dataclass
class EnterpriseImportBatch:
    rows: list[EnterpriseImportRow] = field(default_factory=list)


@dataclass
class EnterpriseImportRow:
    line: int = 0
    enterprise: Enterprise = field(default_factory=lambda: Enterprise())


@dataclass
class EnterpriseList:
    enterprises: list[EnterpriseSummary] = field(default_factory=list)


@dataclass
class EnterpriseListRequest:
    minimum_staff: int = 0
    county: int = 0
    as_of: int = 0


@dataclass
class EnterpriseLookup:
    credit_code: str = ""


@dataclass
class EnterpriseSummary:
    credit_code: str = ""
    name: str = ""
    county: int = 0
    staff_count: int = 0


@dataclass
class EnterpriseView:
    enterprise: Enterprise = field(default_factory=lambda: Enterprise())
    check_character_valid: bool = False
    demand: list[Demand] = field(default_factory=list)


@dataclass
class EntryBatch:
    entries: list[EntryRequest] = field(default_factory=list)


@dataclass
class EntryRequest:
    competition_code: str = ""
    event_code: str = ""
    id_number: str = ""
    name: str = ""
    school: str = ""
    county: int = 0
    entered_on: int = 0


@dataclass
class EntryView:
    number: str = ""
    competition_code: str = ""
    event_code: str = ""
    id_masked: str = ""
    name_masked: str = ""
    group: Union[ParticipantGroup, int] = ParticipantGroup.UNSPECIFIED
    school: str = ""
    county: int = 0


@dataclass
class EvaluationCounts:
    county: int = 0
    as_of: int = 0
    year: int = 0
    skilled_workers: int = 0
    high_skill: int = 0
    new_skilled_workers: int = 0
    institutions: list[InstitutionCount] = field(default_factory=list)
    enterprises_lacking_body: int = 0
    compliance_known: bool = False
    in_system_skilled_workers: int = 0
    baseline_skilled_workers: int = 0
    baseline_high_skill: int = 0


@dataclass
class EvaluationCountsAnswers:
    answers: list[EvaluationCounts] = field(default_factory=list)


@dataclass
class Event:
    competition_code: str = ""
    code: str = ""
    name: str = ""
    occupation: str = ""
    group: Union[ParticipantGroup, int] = ParticipantGroup.UNSPECIFIED
    criteria: list[Criterion] = field(default_factory=list)
    judges: list[str] = field(default_factory=list)
    spread_bound: int = 0


@dataclass
class EventList:
    events: list[EventView] = field(default_factory=list)


@dataclass
class EventLookup:
    competition_code: str = ""
    event_code: str = ""
    closed_on: int = 0


@dataclass
class EventResult:
    rank: int = 0
    entry_number: str = ""
    name_masked: str = ""
    county: int = 0
    school: str = ""
    total: int = 0
    measurement_total: int = 0
    standardised_score: int = 0
    unmarked: int = 0
    flagged: int = 0
    awarded: bool = False


@dataclass
class EventView:
    event: Event = field(default_factory=lambda: Event())
    state: Union[EventState, int] = EventState.UNSPECIFIED
    entries: int = 0
    fully_marked: int = 0
    flagged: int = 0


@dataclass
class ExportRequest:
    county: int = 0
    include_inactive: bool = False


@dataclass
class GoAway:
    last_stream_id: int = 0
    code: int = 0
    message: str = ""


@dataclass
class HealthCheckRequest:
    service: str = ""


@dataclass
class HealthCheckResponse:
    status: Union[ServingStatus, int] = ServingStatus.UNKNOWN
    server: str = ""
    version: str = ""


@dataclass
class HistoryEntry:
    at: int = 0
    principal: str = ""
    request_id: str = ""
    field: str = ""
    old_value: str = ""
    new_value: str = ""
    reason: str = ""


@dataclass
class ImportSummary:
    received: int = 0
    accepted: int = 0
    already_registered: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)


@dataclass
class IndicatorValue:
    key: str = ""
    name_zh: str = ""
    name_en: str = ""
    unit: str = ""
    source: str = ""
    value: float = 0.0
    has_target: bool = False
    target: float = 0.0
    baseline: float = 0.0
    baseline_date: int = 0
    deadline: int = 0
    progress: float = 0.0
    status: Union[IndicatorStatus, int] = IndicatorStatus.UNSPECIFIED
    projected: float = 0.0
    data_time_ms: int = 0
    reason: str = ""
    has_last_known: bool = False
    last_known_value: float = 0.0
    last_known_time_ms: int = 0
    lower_is_better: bool = False
    has_plan: bool = False
    needed_per_month: float = 0.0
    current_per_month: float = 0.0
    reached_month: int = 0
    deadline_passed: bool = False
    has_current: bool = False
    window_days: int = 0


@dataclass
class Institution:
    code: str = ""
    name: str = ""
    type: Union[InstitutionType, int] = InstitutionType.UNSPECIFIED
    county: int = 0
    enterprise_credit_code: str = ""
    scope: list[ScopeEntry] = field(default_factory=list)
    approved_on: int = 0


@dataclass
class InstitutionCount:
    type: Union[InstitutionType, int] = InstitutionType.UNSPECIFIED
    status: Union[InstitutionStatus, int] = InstitutionStatus.UNSPECIFIED
    count: int = 0


@dataclass
class InstitutionList:
    institutions: list[InstitutionView] = field(default_factory=list)


@dataclass
class InstitutionListRequest:
    county: int = 0
    type: Union[InstitutionType, int] = InstitutionType.UNSPECIFIED


@dataclass
class InstitutionLookup:
    code: str = ""


@dataclass
class InstitutionStatusChange:
    code: str = ""
    status: Union[InstitutionStatus, int] = InstitutionStatus.UNSPECIFIED
    reason: str = ""


@dataclass
class InstitutionView:
    institution: Institution = field(default_factory=lambda: Institution())
    status: Union[InstitutionStatus, int] = InstitutionStatus.UNSPECIFIED


@dataclass
class IssueCertificateResponse:
    number: str = ""
    certificate: CertificateView = field(default_factory=lambda: CertificateView())
    superseded: list[str] = field(default_factory=list)


@dataclass
class LabourBrand:
    code: str = ""
    name: str = ""
    county: int = 0
    occupation: str = ""
    recognitions: list[BrandRecognition] = field(default_factory=list)


@dataclass
class LabourBrandReport:
    brands: list[LabourBrandView] = field(default_factory=list)
    counties_lacking_city_brand: list[int] = field(default_factory=list)
    counties_lacking_provincial_brand: list[int] = field(default_factory=list)


@dataclass
class LabourBrandView:
    brand: LabourBrand = field(default_factory=lambda: LabourBrand())
    level: Union[RecognitionLevel, int] = RecognitionLevel.UNSPECIFIED
    years: list[BrandYear] = field(default_factory=list)


@dataclass
class LabourBrandsRequest:
    pass


@dataclass
class Mark:
    entry_number: str = ""
    criterion_code: str = ""
    mark: int = 0


@dataclass
class MarkSheet:
    competition_code: str = ""
    event_code: str = ""
    marks: list[Mark] = field(default_factory=list)


@dataclass
class MarkSheetReceipt:
    recorded: int = 0
    unchanged: int = 0
    flagged: int = 0


@dataclass
class MetadataEntry:
    key: str = ""
    value: str = ""


@dataclass
class PersonBatch:
    persons: list[PersonView] = field(default_factory=list)


@dataclass
class PersonHistory:
    card_number: str = ""
    entries: list[HistoryEntry] = field(default_factory=list)


@dataclass
class PersonImportBatch:
    rows: list[PersonImportRow] = field(default_factory=list)


@dataclass
class PersonImportRow:
    line: int = 0
    person: PersonRegistration = field(default_factory=lambda: PersonRegistration())


@dataclass
class PersonLookup:
    id_number: str = ""
    card_number: str = ""


@dataclass
class PersonLookupBatch:
    lookups: list[PersonLookup] = field(default_factory=list)


@dataclass
class PersonRecognitions:
    certificates: list[RecognisedCertificate] = field(default_factory=list)
    highest_level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    engineering_title: str = ""


@dataclass
class PersonRecordRequest:
    id_number: str = ""


@dataclass
class PersonRegistration:
    id_number: str = ""
    name: str = ""
    gender: Union[Gender, int] = Gender.UNSPECIFIED
    residence_county: int = 0
    category: Union[LabourCategory, int] = LabourCategory.UNSPECIFIED
    key_groups: list[Union[KeyEmploymentGroup, int]] = field(default_factory=list)
    education: Union[EducationLevel, int] = EducationLevel.UNSPECIFIED
    occupation: str = ""
    employment: Union[EmploymentStatus, int] = EmploymentStatus.UNSPECIFIED
    training_wish: str = ""
    training_mode: Union[TrainingMode, int] = TrainingMode.UNSPECIFIED
    phone: str = ""
    stage: int = 0
    registered_on: int = 0


@dataclass
class PersonTrainingRecord:
    card_number: str = ""
    courses: list[TrainingRecordEntry] = field(default_factory=list)
    certificates: PersonRecognitions = field(default_factory=lambda: PersonRecognitions())
    certificates_known: bool = False


@dataclass
class PersonUpdate:
    person: PersonLookup = field(default_factory=lambda: PersonLookup())
    phone: Optional[str] = None
    category: Optional[Union[LabourCategory, int]] = None
    education: Optional[Union[EducationLevel, int]] = None
    occupation: Optional[str] = None
    employment: Optional[Union[EmploymentStatus, int]] = None
    training_wish: Optional[str] = None
    training_mode: Optional[Union[TrainingMode, int]] = None
    stage: Optional[int] = None
    key_groups: list[Union[KeyEmploymentGroup, int]] = field(default_factory=list)
    replace_key_groups: bool = False
    reason: str = ""


@dataclass
class PersonVerification:
    found: bool = False
    card_number: str = ""
    category: Union[LabourCategory, int] = LabourCategory.UNSPECIFIED
    key_groups: list[Union[KeyEmploymentGroup, int]] = field(default_factory=list)
    residence_county: int = 0
    age: int = 0
    status: Union[RegistrationStatus, int] = RegistrationStatus.UNSPECIFIED


@dataclass
class PersonVerificationBatch:
    verifications: list[PersonVerification] = field(default_factory=list)


@dataclass
class PersonView:
    card_number: str = ""
    id_number: str = ""
    name: str = ""
    gender: Union[Gender, int] = Gender.UNSPECIFIED
    birth_date: int = 0
    age: int = 0
    residence_county: int = 0
    category: Union[LabourCategory, int] = LabourCategory.UNSPECIFIED
    key_groups: list[Union[KeyEmploymentGroup, int]] = field(default_factory=list)
    education: Union[EducationLevel, int] = EducationLevel.UNSPECIFIED
    occupation: str = ""
    employment: Union[EmploymentStatus, int] = EmploymentStatus.UNSPECIFIED
    training_wish: str = ""
    training_mode: Union[TrainingMode, int] = TrainingMode.UNSPECIFIED
    phone: str = ""
    stage: int = 0
    status: Union[RegistrationStatus, int] = RegistrationStatus.UNSPECIFIED
    registered_on: int = 0
    masked: bool = False
    version: int = 0
    leaving_reason: Union[LeavingReason, int] = LeavingReason.UNSPECIFIED


@dataclass
class QualityCoverageCell:
    category: Union[LabourCategory, int] = LabourCategory.UNSPECIFIED
    gender: Union[Gender, int] = Gender.UNSPECIFIED
    age_band: int = 0
    registered: int = 0


@dataclass
class QualityExpectedCell:
    gender: Union[Gender, int] = Gender.UNSPECIFIED
    age_band: int = 0
    registered: int = 0
    expected: int = 0


@dataclass
class QualityImport:
    kind: str = ""
    principal: str = ""
    at_ms: int = 0
    received: int = 0
    accepted: int = 0
    already_registered: int = 0
    rejected: int = 0
    rejections: list[QualityRejection] = field(default_factory=list)


@dataclass
class QualityRejection:
    kind: str = ""
    reason: str = ""
    rows: int = 0


@dataclass
class QualityReport:
    county: int = 0
    imports: list[QualityImport] = field(default_factory=list)
    rejections: list[QualityRejection] = field(default_factory=list)
    coverage: list[QualityCoverageCell] = field(default_factory=list)
    expected: list[QualityExpectedCell] = field(default_factory=list)
    registered: int = 0
    estimated_labour_force: int = 0
    past_age_active: int = 0
    missing_phone: int = 0
    as_of: int = 0
    duplicate_registrations: int = 0


@dataclass
class QualityRequest:
    county: int = 0


@dataclass
class RecognisedCertificate:
    certificate: CertificateView = field(default_factory=lambda: CertificateView())
    equivalent_kind: Union[CertificateKind, int] = CertificateKind.UNSPECIFIED
    equivalent_level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    engineering_title: str = ""


@dataclass
class RecognitionRequest:
    holder_id_number: str = ""


@dataclass
class RegisterPersonResponse:
    card_number: str = ""
    person: PersonView = field(default_factory=lambda: PersonView())


@dataclass
class RegistrationStatistics:
    cells: list[StatisticsCell] = field(default_factory=list)
    coverage: list[CountyCoverage] = field(default_factory=list)
    daily: list[DailyRegistrations] = field(default_factory=list)
    registered: int = 0
    enterprises: int = 0
    enterprises_surveyed: int = 0
    deadline: int = 0
    as_of: int = 0
    registrations_up_to: int = 0


@dataclass
class ResultsRequest:
    competition_code: str = ""
    event_code: str = ""
    standardised: bool = False


@dataclass
class RowError:
    line: int = 0
    column: str = ""
    reason: str = ""


@dataclass
class ScopeEntry:
    occupation: str = ""
    levels: list[Union[SkillLevel, int]] = field(default_factory=list)


@dataclass
class ScopeTotals:
    county: int = 0
    indicators: list[IndicatorValue] = field(default_factory=list)


@dataclass
class Settings:
    protocol_version: int = 0
    maximum_frame_size: int = 0
    maximum_concurrent_streams: int = 0
    initial_window_size: int = 0
    maximum_message_size: int = 0
    maximum_metadata_size: int = 0
    idle_timeout_milliseconds: int = 0


@dataclass
class SignedCertificate:
    body: SignedCertificateBody = field(default_factory=lambda: SignedCertificateBody())
    signature: bytes = b""


@dataclass
class SignedCertificateBody:
    format: str = 'jcskills-certificate/1'
    number: str = ""
    institution_code: str = ""
    kind: Union[CertificateKind, int] = CertificateKind.UNSPECIFIED
    occupation: str = ""
    level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    operation_code: str = ""
    holder_name: str = ""
    holder_id_masked: str = ""
    county: int = 0
    issued_on: int = 0
    expires_on: int = 0
    state: Union[CertificateState, int] = CertificateState.UNKNOWN
    ended_on: int = 0
    signed_on: int = 0
    key_id: str = ""


@dataclass
class SourceState:
    service: str = ""
    available: bool = False
    reason: str = ""
    latency_micros: int = 0


@dataclass
class StatisticsAnswers:
    answers: list[RegistrationStatistics] = field(default_factory=list)


@dataclass
class StatisticsCell:
    county: int = 0
    category: Union[LabourCategory, int] = LabourCategory.UNSPECIFIED
    gender: Union[Gender, int] = Gender.UNSPECIFIED
    age_band: int = 0
    employment: Union[EmploymentStatus, int] = EmploymentStatus.UNSPECIFIED
    count: int = 0


@dataclass
class StatisticsQuestions:
    requests: list[StatisticsRequest] = field(default_factory=list)


@dataclass
class StatisticsRequest:
    county: int = 0
    summary_only: bool = False
    registrations_up_to: int = 0


@dataclass
class StatusChange:
    person: PersonLookup = field(default_factory=lambda: PersonLookup())
    status: Union[RegistrationStatus, int] = RegistrationStatus.UNSPECIFIED
    new_county: int = 0
    leaving_reason: Union[LeavingReason, int] = LeavingReason.UNSPECIFIED
    reason: str = ""


@dataclass
class Studio:
    code: str = ""
    name: str = ""
    master_id_number: str = ""
    master_name: str = ""
    host_credit_code: str = ""
    county: int = 0
    industry: str = ""
    level: Union[RecognitionLevel, int] = RecognitionLevel.UNSPECIFIED
    established_on: int = 0


@dataclass
class StudioReport:
    studios: list[StudioView] = field(default_factory=list)
    counties_without: list[int] = field(default_factory=list)
    large_enterprises_without: list[str] = field(default_factory=list)
    enterprises_known: bool = False
    city_total: int = 0
    city_target: int = 0


@dataclass
class StudioView:
    code: str = ""
    name: str = ""
    master_id_masked: str = ""
    master_name_masked: str = ""
    master_level: Union[SkillLevel, int] = SkillLevel.UNSPECIFIED
    host_credit_code: str = ""
    county: int = 0
    industry: str = ""
    level: Union[RecognitionLevel, int] = RecognitionLevel.UNSPECIFIED
    established_on: int = 0
    years: list[StudioYear] = field(default_factory=list)


@dataclass
class StudioYear:
    studio_code: str = ""
    year: int = 0
    apprentices_mentored: int = 0
    problems_solved: int = 0


@dataclass
class StudiosRequest:
    as_of: int = 0


@dataclass
class Totals:
    as_of: int = 0
    year: int = 0
    scope: ScopeTotals = field(default_factory=lambda: ScopeTotals())
    counties: list[ScopeTotals] = field(default_factory=list)
    sources: list[SourceState] = field(default_factory=list)
    partial: bool = False
    generated_ms: int = 0
    cached: bool = False


@dataclass
class TotalsRequest:
    county: int = 0
    as_of: int = 0
    year: int = 0
    fresh: bool = False


@dataclass
class Trailers:
    code: int = 0
    message: str = ""
    metadata: list[MetadataEntry] = field(default_factory=list)


@dataclass
class TrainingCounts:
    as_of: int = 0
    year: int = 0
    enterprise_training: int = 0
    key_group_training: int = 0
    key_group_completed: int = 0
    key_group_passed: int = 0
    key_group_certified: int = 0
    key_group_employed: int = 0
    trained_for_certificate: int = 0
    labour_brands: int = 0
    counties_lacking_city_brand: list[int] = field(default_factory=list)
    counties_lacking_provincial_brand: list[int] = field(default_factory=list)


@dataclass
class TrainingCountsAnswers:
    answers: list[TrainingCounts] = field(default_factory=list)


@dataclass
class TrainingFigures:
    enrolled: int = 0
    completed: int = 0
    passed: int = 0
    employed: int = 0
    pass_rate: int = 0
    employment_rate: int = 0
    subsidy_due: int = 0
    certified: int = 0
    certificate_rate: int = 0


@dataclass
class TrainingFiguresLine:
    dimension: str = ""
    key: str = ""
    figures: TrainingFigures = field(default_factory=lambda: TrainingFigures())
    flags: list[str] = field(default_factory=list)


@dataclass
class TrainingIndicators:
    year: int = 0
    county: int = 0
    total: TrainingFigures = field(default_factory=lambda: TrainingFigures())
    lines: list[TrainingFiguresLine] = field(default_factory=list)


@dataclass
class TrainingIndicatorsRequest:
    year: int = 0
    county: int = 0


@dataclass
class TrainingRecordEntry:
    course: Course = field(default_factory=lambda: Course())
    enrolment_number: str = ""
    enrolled_on: int = 0
    result: TrainingResultView = field(default_factory=lambda: TrainingResultView())


@dataclass
class TrainingResult:
    enrolment_number: str = ""
    completed_on: int = 0
    passed: bool = False
    employer_credit_code: str = ""
    self_employed: bool = False
    employed_on: int = 0
    employment_verified: bool = False


@dataclass
class TrainingResultBatch:
    rows: list[TrainingResultRow] = field(default_factory=list)


@dataclass
class TrainingResultRow:
    line: int = 0
    result: TrainingResult = field(default_factory=lambda: TrainingResult())


@dataclass
class TrainingResultView:
    result: TrainingResult = field(default_factory=lambda: TrainingResult())
    course_code: str = ""
    completion_number: str = ""
    certificate_number: str = ""


@dataclass
class WatchRequest:
    totals: TotalsRequest = field(default_factory=lambda: TotalsRequest())
    interval_ms: int = 0
    heartbeat_seconds: int = 0


CONTRACT: dict[str, Any] = {'enums': {'CertificateKind': {'values': [{'name': 'unspecified', 'number': 0},
                                          {'name': 'vocationalQualification', 'number': 1},
                                          {'name': 'skillLevel', 'number': 2},
                                          {'name': 'specialAbility', 'number': 3},
                                          {'name': 'specialOperations', 'number': 4},
                                          {'name': 'specialEquipmentOperator', 'number': 5}]},
           'CertificateState': {'values': [{'name': 'unknown', 'number': 0},
                                           {'name': 'valid', 'number': 1},
                                           {'name': 'expired', 'number': 2},
                                           {'name': 'revoked', 'number': 3},
                                           {'name': 'superseded', 'number': 4}]},
           'CompetitionKind': {'values': [{'name': 'unspecified', 'number': 0},
                                          {'name': 'annualCity', 'number': 1},
                                          {'name': 'special', 'number': 2}]},
           'CompetitionLevel': {'values': [{'name': 'unspecified', 'number': 0},
                                           {'name': 'city', 'number': 1},
                                           {'name': 'county', 'number': 2},
                                           {'name': 'enterprise', 'number': 3}]},
           'CriterionType': {'values': [{'name': 'unspecified', 'number': 0},
                                        {'name': 'measurement', 'number': 1},
                                        {'name': 'judgement', 'number': 2}]},
           'EducationLevel': {'values': [{'name': 'unspecified', 'number': 0},
                                         {'name': 'primary', 'number': 1},
                                         {'name': 'juniorSecondary', 'number': 2},
                                         {'name': 'seniorSecondary', 'number': 3},
                                         {'name': 'vocational', 'number': 4},
                                         {'name': 'college', 'number': 5},
                                         {'name': 'university', 'number': 6},
                                         {'name': 'postgraduate', 'number': 7}]},
           'EmploymentStatus': {'values': [{'name': 'unspecified', 'number': 0},
                                           {'name': 'employed', 'number': 1},
                                           {'name': 'unemployed', 'number': 2},
                                           {'name': 'seeking', 'number': 3},
                                           {'name': 'selfEmployed', 'number': 4}]},
           'EventState': {'values': [{'name': 'unspecified', 'number': 0},
                                     {'name': 'open', 'number': 1},
                                     {'name': 'closed', 'number': 2}]},
           'Gender': {'values': [{'name': 'unspecified', 'number': 0},
                                 {'name': 'male', 'number': 1},
                                 {'name': 'female', 'number': 2}]},
           'IndicatorStatus': {'values': [{'name': 'unspecified', 'number': 0},
                                          {'name': 'met', 'number': 1},
                                          {'name': 'onTrack', 'number': 2},
                                          {'name': 'behind', 'number': 3},
                                          {'name': 'noTarget', 'number': 4},
                                          {'name': 'unavailable', 'number': 5}]},
           'InstitutionStatus': {'values': [{'name': 'unspecified', 'number': 0},
                                            {'name': 'active', 'number': 1},
                                            {'name': 'suspended', 'number': 2},
                                            {'name': 'revoked', 'number': 3}]},
           'InstitutionType': {'values': [{'name': 'unspecified', 'number': 0},
                                          {'name': 'enterpriseBody', 'number': 1},
                                          {'name': 'socialOrganisation', 'number': 2},
                                          {'name': 'vocationalCollege', 'number': 3},
                                          {'name': 'cityCentre', 'number': 4}]},
           'KeyEmploymentGroup': {'values': [{'name': 'unspecified', 'number': 0},
                                             {'name': 'poorFamilyChildren', 'number': 1},
                                             {'name': 'poorLabour', 'number': 2},
                                             {'name': 'schoolLeavers', 'number': 3},
                                             {'name': 'ruralMigrantWorkers', 'number': 4},
                                             {'name': 'laidOffUnemployed', 'number': 5},
                                             {'name': 'redeployedWorkers', 'number': 6},
                                             {'name': 'veterans', 'number': 7},
                                             {'name': 'disabled', 'number': 8},
                                             {'name': 'collegeGraduates', 'number': 9},
                                             {'name': 'enterpriseEmployees', 'number': 10},
                                             {'name': 'hardToEmploy', 'number': 11}]},
           'LabourCategory': {'values': [{'name': 'unspecified', 'number': 0},
                                         {'name': 'poor', 'number': 1},
                                         {'name': 'universityGraduate', 'number': 2},
                                         {'name': 'rural', 'number': 3},
                                         {'name': 'urban', 'number': 4}]},
           'LeavingReason': {'values': [{'name': 'unspecified', 'number': 0},
                                        {'name': 'age', 'number': 1},
                                        {'name': 'death', 'number': 2},
                                        {'name': 'emigration', 'number': 3}]},
           'ParticipantGroup': {'values': [{'name': 'unspecified', 'number': 0},
                                           {'name': 'workers', 'number': 1},
                                           {'name': 'students', 'number': 2}]},
           'PromotionState': {'values': [{'name': 'none', 'number': 0},
                                         {'name': 'pending', 'number': 1},
                                         {'name': 'issued', 'number': 2},
                                         {'name': 'atTopLevel', 'number': 3},
                                         {'name': 'refused', 'number': 4}]},
           'RecognitionLevel': {'values': [{'name': 'unspecified', 'number': 0},
                                           {'name': 'city', 'number': 1},
                                           {'name': 'provincial', 'number': 2},
                                           {'name': 'national', 'number': 3}]},
           'RegistrationStatus': {'values': [{'name': 'unspecified', 'number': 0},
                                             {'name': 'active', 'number': 1},
                                             {'name': 'movedAway', 'number': 2},
                                             {'name': 'leftLabourForce', 'number': 3}]},
           'ServingStatus': {'values': [{'name': 'unknown', 'number': 0},
                                        {'name': 'serving', 'number': 1},
                                        {'name': 'notServing', 'number': 2},
                                        {'name': 'draining', 'number': 3}]},
           'SkillLevel': {'values': [{'name': 'unspecified', 'number': 0},
                                     {'name': 'level1', 'number': 1},
                                     {'name': 'level2', 'number': 2},
                                     {'name': 'level3', 'number': 3},
                                     {'name': 'level4', 'number': 4},
                                     {'name': 'level5', 'number': 5},
                                     {'name': 'apprentice', 'number': 6},
                                     {'name': 'specialGradeTechnician', 'number': 11},
                                     {'name': 'chiefTechnician', 'number': 12}]},
           'TrainingMode': {'values': [{'name': 'unspecified', 'number': 0},
                                       {'name': 'newApprenticeship', 'number': 1},
                                       {'name': 'trainingInPlaceOfWork', 'number': 2},
                                       {'name': 'projectBased', 'number': 3},
                                       {'name': 'workStudyIntegration', 'number': 4},
                                       {'name': 'internetPlus', 'number': 5}]},
           'TrainingProgramme': {'values': [{'name': 'unspecified', 'number': 0},
                                            {'name': 'enterpriseEmployeeUpgrade', 'number': 1},
                                            {'name': 'keyGroupSubsidised', 'number': 2},
                                            {'name': 'firstCertificate', 'number': 3},
                                            {'name': 'levelUpgrade', 'number': 4}]},
           'TrainingProviderKind': {'values': [{'name': 'unspecified', 'number': 0},
                                               {'name': 'trainingInstitution', 'number': 1},
                                               {'name': 'enterprise', 'number': 2}]}},
 'messages': {'Award': {'fields': [{'default': None,
                                    'label': 'singular',
                                    'name': 'competition_code',
                                    'number': 1,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'event_code',
                                    'number': 2,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'entry_number',
                                    'number': 3,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'name_masked',
                                    'number': 4,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'county',
                                    'number': 5,
                                    'type': 'int32'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'rank',
                                    'number': 6,
                                    'type': 'uint32'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'year',
                                    'number': 7,
                                    'type': 'int32'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'technical_expert',
                                    'number': 8,
                                    'type': 'bool'},
                                   {'default': None,
                                    'enum': 'PromotionState',
                                    'label': 'singular',
                                    'name': 'promotion',
                                    'number': 9,
                                    'type': 'enum'},
                                   {'default': None,
                                    'enum': 'SkillLevel',
                                    'label': 'singular',
                                    'name': 'from_level',
                                    'number': 10,
                                    'type': 'enum'},
                                   {'default': None,
                                    'enum': 'SkillLevel',
                                    'label': 'singular',
                                    'name': 'to_level',
                                    'number': 11,
                                    'type': 'enum'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'certificate_number',
                                    'number': 12,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'last_error',
                                    'number': 13,
                                    'type': 'string'}],
                        'reserved': []},
              'AwardList': {'fields': [{'default': None,
                                        'label': 'repeated',
                                        'message': 'Award',
                                        'name': 'awards',
                                        'number': 1,
                                        'type': 'message'}],
                            'reserved': []},
              'AwardRule': {'fields': [{'default': None,
                                        'label': 'singular',
                                        'name': 'top_count',
                                        'number': 1,
                                        'type': 'uint32'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'top_share_percent',
                                        'number': 2,
                                        'type': 'uint32'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'names_technical_experts',
                                        'number': 3,
                                        'type': 'bool'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'promotes_one_level',
                                        'number': 4,
                                        'type': 'bool'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'institution_code',
                                        'number': 5,
                                        'type': 'string'}],
                            'reserved': []},
              'AwardsRequest': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'competition_code',
                                            'number': 1,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'year',
                                            'number': 2,
                                            'type': 'int32'}],
                                'reserved': []},
              'BaselineDeclaration': {'fields': [{'default': None,
                                                  'label': 'singular',
                                                  'name': 'county',
                                                  'number': 1,
                                                  'type': 'int32'},
                                                 {'default': None,
                                                  'enum': 'SkillLevel',
                                                  'label': 'singular',
                                                  'name': 'level',
                                                  'number': 2,
                                                  'type': 'enum'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'persons',
                                                  'number': 3,
                                                  'type': 'uint64'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'as_of',
                                                  'number': 4,
                                                  'type': 'int32'}],
                                      'reserved': []},
              'BaselineEntry': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'county',
                                            'number': 1,
                                            'type': 'int32'},
                                           {'default': None,
                                            'enum': 'SkillLevel',
                                            'label': 'singular',
                                            'name': 'level',
                                            'number': 2,
                                            'type': 'enum'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'as_of',
                                            'number': 3,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'declared',
                                            'number': 4,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'claimed',
                                            'number': 5,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'counted',
                                            'number': 6,
                                            'type': 'uint64'}],
                                'reserved': []},
              'BaselineReport': {'fields': [{'default': None,
                                             'label': 'repeated',
                                             'message': 'BaselineEntry',
                                             'name': 'entries',
                                             'number': 1,
                                             'type': 'message'}],
                                 'reserved': []},
              'BaselineRequest': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'name': 'county',
                                              'number': 1,
                                              'type': 'int32'}],
                                  'reserved': []},
              'BrandRecognition': {'fields': [{'default': None,
                                               'enum': 'RecognitionLevel',
                                               'label': 'singular',
                                               'name': 'level',
                                               'number': 1,
                                               'type': 'enum'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'year',
                                               'number': 2,
                                               'type': 'int32'}],
                                   'reserved': []},
              'BrandYear': {'fields': [{'default': None,
                                        'label': 'singular',
                                        'name': 'year',
                                        'number': 1,
                                        'type': 'int32'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'trained',
                                        'number': 2,
                                        'type': 'uint64'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'placed',
                                        'number': 3,
                                        'type': 'uint64'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'subsidy_due',
                                        'number': 4,
                                        'type': 'uint64'}],
                            'reserved': []},
              'CallHeaders': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'method',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'timeout_microseconds',
                                          'number': 2,
                                          'type': 'uint64'},
                                         {'default': None,
                                          'label': 'repeated',
                                          'message': 'MetadataEntry',
                                          'name': 'metadata',
                                          'number': 3,
                                          'type': 'message'}],
                              'reserved': []},
              'CancelReason': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'code',
                                           'number': 1,
                                           'type': 'uint32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'message',
                                           'number': 2,
                                           'type': 'string'}],
                               'reserved': []},
              'CertificateAfterTraining': {'fields': [{'default': None,
                                                       'label': 'singular',
                                                       'name': 'enrolment_number',
                                                       'number': 1,
                                                       'type': 'string'},
                                                      {'default': None,
                                                       'label': 'singular',
                                                       'name': 'certificate_number',
                                                       'number': 2,
                                                       'type': 'string'}],
                                           'reserved': []},
              'CertificateAfterTrainingBatch': {'fields': [{'default': None,
                                                            'label': 'repeated',
                                                            'message': 'CertificateAfterTrainingRow',
                                                            'name': 'rows',
                                                            'number': 1,
                                                            'type': 'message'}],
                                                'reserved': []},
              'CertificateAfterTrainingRow': {'fields': [{'default': None,
                                                          'label': 'singular',
                                                          'name': 'line',
                                                          'number': 1,
                                                          'type': 'uint32'},
                                                         {'default': None,
                                                          'label': 'singular',
                                                          'message': 'CertificateAfterTraining',
                                                          'name': 'certificate',
                                                          'number': 2,
                                                          'type': 'message'}],
                                              'reserved': []},
              'CertificateImportBatch': {'fields': [{'default': None,
                                                     'label': 'repeated',
                                                     'message': 'CertificateImportRow',
                                                     'name': 'rows',
                                                     'number': 1,
                                                     'type': 'message'}],
                                         'reserved': []},
              'CertificateImportRow': {'fields': [{'default': None,
                                                   'label': 'singular',
                                                   'name': 'line',
                                                   'number': 1,
                                                   'type': 'uint32'},
                                                  {'default': None,
                                                   'label': 'singular',
                                                   'name': 'number',
                                                   'number': 2,
                                                   'type': 'string'},
                                                  {'default': None,
                                                   'label': 'singular',
                                                   'message': 'CertificateIssue',
                                                   'name': 'certificate',
                                                   'number': 3,
                                                   'type': 'message'},
                                                  {'default': None,
                                                   'label': 'singular',
                                                   'name': 'pre_system',
                                                   'number': 4,
                                                   'type': 'bool'}],
                                       'reserved': []},
              'CertificateIssue': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'institution_code',
                                               'number': 1,
                                               'type': 'string'},
                                              {'default': None,
                                               'enum': 'CertificateKind',
                                               'label': 'singular',
                                               'name': 'kind',
                                               'number': 2,
                                               'type': 'enum'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'occupation',
                                               'number': 3,
                                               'type': 'string'},
                                              {'default': None,
                                               'enum': 'SkillLevel',
                                               'label': 'singular',
                                               'name': 'level',
                                               'number': 4,
                                               'type': 'enum'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'operation_code',
                                               'number': 5,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'holder_id_number',
                                               'number': 6,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'holder_name',
                                               'number': 7,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'employer_credit_code',
                                               'number': 8,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'county',
                                               'number': 9,
                                               'type': 'int32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'issued_on',
                                               'number': 10,
                                               'type': 'int32'}],
                                   'reserved': []},
              'CertificateLookup': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'number',
                                                'number': 1,
                                                'type': 'string'}],
                                    'reserved': []},
              'CertificateRevocation': {'fields': [{'default': None,
                                                    'label': 'singular',
                                                    'name': 'number',
                                                    'number': 1,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'reason',
                                                    'number': 2,
                                                    'type': 'string'}],
                                        'reserved': []},
              'CertificateVerification': {'fields': [{'default': None,
                                                      'enum': 'CertificateState',
                                                      'label': 'singular',
                                                      'name': 'state',
                                                      'number': 1,
                                                      'type': 'enum'},
                                                     {'default': None,
                                                      'enum': 'CertificateKind',
                                                      'label': 'singular',
                                                      'name': 'kind',
                                                      'number': 2,
                                                      'type': 'enum'},
                                                     {'default': None,
                                                      'enum': 'SkillLevel',
                                                      'label': 'singular',
                                                      'name': 'level',
                                                      'number': 3,
                                                      'type': 'enum'},
                                                     {'default': None,
                                                      'label': 'singular',
                                                      'name': 'issued_on',
                                                      'number': 4,
                                                      'type': 'int32'}],
                                          'reserved': []},
              'CertificateVerificationBatch': {'fields': [{'default': None,
                                                           'label': 'repeated',
                                                           'message': 'CertificateVerificationRequest',
                                                           'name': 'requests',
                                                           'number': 1,
                                                           'type': 'message'}],
                                               'reserved': []},
              'CertificateVerificationRequest': {'fields': [{'default': None,
                                                             'label': 'singular',
                                                             'name': 'number',
                                                             'number': 1,
                                                             'type': 'string'},
                                                            {'default': None,
                                                             'label': 'singular',
                                                             'name': 'holder_name',
                                                             'number': 2,
                                                             'type': 'string'},
                                                            {'default': None,
                                                             'label': 'singular',
                                                             'name': 'holder_id_number',
                                                             'number': 3,
                                                             'type': 'string'}],
                                                 'reserved': []},
              'CertificateVerifications': {'fields': [{'default': None,
                                                       'label': 'repeated',
                                                       'message': 'CertificateVerification',
                                                       'name': 'answers',
                                                       'number': 1,
                                                       'type': 'message'}],
                                           'reserved': []},
              'CertificateView': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'name': 'number',
                                              'number': 1,
                                              'type': 'string'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'institution_code',
                                              'number': 2,
                                              'type': 'string'},
                                             {'default': None,
                                              'enum': 'CertificateKind',
                                              'label': 'singular',
                                              'name': 'kind',
                                              'number': 3,
                                              'type': 'enum'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'occupation',
                                              'number': 4,
                                              'type': 'string'},
                                             {'default': None,
                                              'enum': 'SkillLevel',
                                              'label': 'singular',
                                              'name': 'level',
                                              'number': 5,
                                              'type': 'enum'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'operation_code',
                                              'number': 6,
                                              'type': 'string'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'holder_id_masked',
                                              'number': 7,
                                              'type': 'string'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'holder_name_masked',
                                              'number': 8,
                                              'type': 'string'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'employer_credit_code',
                                              'number': 9,
                                              'type': 'string'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'county',
                                              'number': 10,
                                              'type': 'int32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'issued_on',
                                              'number': 11,
                                              'type': 'int32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'expires_on',
                                              'number': 12,
                                              'type': 'int32'},
                                             {'default': None,
                                              'label': 'repeated',
                                              'name': 'review_dates',
                                              'number': 13,
                                              'type': 'int32'},
                                             {'default': None,
                                              'enum': 'CertificateState',
                                              'label': 'singular',
                                              'name': 'state',
                                              'number': 14,
                                              'type': 'enum'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'ended_on',
                                              'number': 15,
                                              'type': 'int32'}],
                                  'reserved': []},
              'Competition': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'code',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'name',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'enum': 'CompetitionKind',
                                          'label': 'singular',
                                          'name': 'kind',
                                          'number': 3,
                                          'type': 'enum'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'year',
                                          'number': 4,
                                          'type': 'int32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'organiser',
                                          'number': 5,
                                          'type': 'string'},
                                         {'default': None,
                                          'enum': 'CompetitionLevel',
                                          'label': 'singular',
                                          'name': 'level',
                                          'number': 6,
                                          'type': 'enum'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'county',
                                          'number': 7,
                                          'type': 'int32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'message': 'AwardRule',
                                          'name': 'award_rule',
                                          'number': 8,
                                          'type': 'message'}],
                              'reserved': []},
              'CompetitionCounts': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'technical_experts',
                                                'number': 1,
                                                'type': 'uint64'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'participants',
                                                'number': 2,
                                                'type': 'uint64'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'level_promotions',
                                                'number': 3,
                                                'type': 'uint64'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'promotions_pending',
                                                'number': 4,
                                                'type': 'uint64'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'master_studios',
                                                'number': 5,
                                                'type': 'uint64'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'counties_without_studio',
                                                'number': 6,
                                                'type': 'uint64'}],
                                    'reserved': []},
              'CompetitionCountsAnswers': {'fields': [{'default': None,
                                                       'label': 'repeated',
                                                       'message': 'CompetitionCounts',
                                                       'name': 'answers',
                                                       'number': 1,
                                                       'type': 'message'}],
                                           'reserved': []},
              'CompetitionList': {'fields': [{'default': None,
                                              'label': 'repeated',
                                              'message': 'CompetitionView',
                                              'name': 'competitions',
                                              'number': 1,
                                              'type': 'message'}],
                                  'reserved': []},
              'CompetitionListRequest': {'fields': [{'default': None,
                                                     'label': 'singular',
                                                     'name': 'year',
                                                     'number': 1,
                                                     'type': 'int32'}],
                                         'reserved': []},
              'CompetitionLookup': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'code',
                                                'number': 1,
                                                'type': 'string'}],
                                    'reserved': []},
              'CompetitionView': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'message': 'Competition',
                                              'name': 'competition',
                                              'number': 1,
                                              'type': 'message'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'events',
                                              'number': 2,
                                              'type': 'uint32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'entries',
                                              'number': 3,
                                              'type': 'uint32'}],
                                  'reserved': []},
              'ComplianceReport': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'county',
                                               'number': 1,
                                               'type': 'int32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'minimum_staff',
                                               'number': 2,
                                               'type': 'uint32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'large_enterprises',
                                               'number': 3,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'repeated',
                                               'message': 'EnterpriseSummary',
                                               'name': 'lacking',
                                               'number': 4,
                                               'type': 'message'}],
                                   'reserved': []},
              'ComplianceRequest': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'county',
                                                'number': 1,
                                                'type': 'int32'}],
                                    'reserved': []},
              'CountsQuestions': {'fields': [{'default': None,
                                              'label': 'repeated',
                                              'message': 'CountsRequest',
                                              'name': 'requests',
                                              'number': 1,
                                              'type': 'message'}],
                                  'reserved': []},
              'CountsRequest': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'county',
                                            'number': 1,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'as_of',
                                            'number': 2,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'year',
                                            'number': 3,
                                            'type': 'int32'}],
                                'reserved': []},
              'CountyCoverage': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'county',
                                             'number': 1,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'registered',
                                             'number': 2,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'estimated_labour_force',
                                             'number': 3,
                                             'type': 'uint64'}],
                                 'reserved': []},
              'Course': {'fields': [{'default': None,
                                     'label': 'singular',
                                     'name': 'code',
                                     'number': 1,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'name',
                                     'number': 2,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'occupation',
                                     'number': 3,
                                     'type': 'string'},
                                    {'default': None,
                                     'enum': 'CertificateKind',
                                     'label': 'singular',
                                     'name': 'certificate_kind',
                                     'number': 4,
                                     'type': 'enum'},
                                    {'default': None,
                                     'enum': 'SkillLevel',
                                     'label': 'singular',
                                     'name': 'level',
                                     'number': 5,
                                     'type': 'enum'},
                                    {'default': None,
                                     'enum': 'TrainingMode',
                                     'label': 'singular',
                                     'name': 'mode',
                                     'number': 6,
                                     'type': 'enum'},
                                    {'default': None,
                                     'enum': 'TrainingProgramme',
                                     'label': 'singular',
                                     'name': 'programme',
                                     'number': 7,
                                     'type': 'enum'},
                                    {'default': None,
                                     'enum': 'TrainingProviderKind',
                                     'label': 'singular',
                                     'name': 'provider_kind',
                                     'number': 8,
                                     'type': 'enum'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'provider_credit_code',
                                     'number': 9,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'county',
                                     'number': 10,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'starts_on',
                                     'number': 11,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'ends_on',
                                     'number': 12,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'capacity',
                                     'number': 13,
                                     'type': 'uint32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'subsidy_per_trainee',
                                     'number': 14,
                                     'type': 'uint32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'labour_brand',
                                     'number': 15,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'subsidy_with_certificate',
                                     'number': 16,
                                     'type': 'uint32'}],
                         'reserved': []},
              'CourseList': {'fields': [{'default': None,
                                         'label': 'repeated',
                                         'message': 'CourseView',
                                         'name': 'courses',
                                         'number': 1,
                                         'type': 'message'}],
                             'reserved': []},
              'CourseListRequest': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'county',
                                                'number': 1,
                                                'type': 'int32'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'year',
                                                'number': 2,
                                                'type': 'int32'}],
                                    'reserved': []},
              'CourseLookup': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'code',
                                           'number': 1,
                                           'type': 'string'}],
                               'reserved': []},
              'CourseView': {'fields': [{'default': None,
                                         'label': 'singular',
                                         'message': 'Course',
                                         'name': 'course',
                                         'number': 1,
                                         'type': 'message'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'enrolled',
                                         'number': 2,
                                         'type': 'uint32'}],
                             'reserved': []},
              'Criterion': {'fields': [{'default': None,
                                        'label': 'singular',
                                        'name': 'code',
                                        'number': 1,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'description',
                                        'number': 2,
                                        'type': 'string'},
                                       {'default': None,
                                        'enum': 'CriterionType',
                                        'label': 'singular',
                                        'name': 'type',
                                        'number': 3,
                                        'type': 'enum'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'maximum',
                                        'number': 4,
                                        'type': 'uint32'}],
                            'reserved': []},
              'DailyRegistrations': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'day',
                                                 'number': 1,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'count',
                                                 'number': 2,
                                                 'type': 'uint64'}],
                                     'reserved': []},
              'Demand': {'fields': [{'default': None,
                                     'label': 'singular',
                                     'name': 'credit_code',
                                     'number': 1,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'occupation',
                                     'number': 2,
                                     'type': 'string'},
                                    {'default': None,
                                     'enum': 'SkillLevel',
                                     'label': 'singular',
                                     'name': 'level',
                                     'number': 3,
                                     'type': 'enum'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'year',
                                     'number': 4,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'headcount',
                                     'number': 5,
                                     'type': 'uint32'}],
                         'reserved': []},
              'DemandGapReport': {'fields': [{'default': None,
                                              'label': 'repeated',
                                              'message': 'DemandGapRow',
                                              'name': 'rows',
                                              'number': 1,
                                              'type': 'message'}],
                                  'reserved': []},
              'DemandGapRequest': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'year',
                                               'number': 1,
                                               'type': 'int32'}],
                                   'reserved': []},
              'DemandGapRow': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'occupation',
                                           'number': 1,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'year',
                                           'number': 2,
                                           'type': 'int32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'demand',
                                           'number': 3,
                                           'type': 'uint64'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'working',
                                           'number': 4,
                                           'type': 'uint64'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'wishing',
                                           'number': 5,
                                           'type': 'uint64'}],
                               'reserved': []},
              'DemandImportBatch': {'fields': [{'default': None,
                                                'label': 'repeated',
                                                'message': 'DemandImportRow',
                                                'name': 'rows',
                                                'number': 1,
                                                'type': 'message'}],
                                    'reserved': []},
              'DemandImportRow': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'name': 'line',
                                              'number': 1,
                                              'type': 'uint32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'message': 'Demand',
                                              'name': 'demand',
                                              'number': 2,
                                              'type': 'message'}],
                                  'reserved': []},
              'EchoMessage': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'payload',
                                          'number': 1,
                                          'type': 'bytes'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'text',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'count',
                                          'number': 3,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'delay_milliseconds',
                                          'number': 4,
                                          'type': 'uint32'}],
                              'reserved': []},
              'EnrolmentBatch': {'fields': [{'default': None,
                                             'label': 'repeated',
                                             'message': 'EnrolmentRow',
                                             'name': 'rows',
                                             'number': 1,
                                             'type': 'message'}],
                                 'reserved': []},
              'EnrolmentRequest': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'course_code',
                                               'number': 1,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'id_number',
                                               'number': 2,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'enrolled_on',
                                               'number': 3,
                                               'type': 'int32'}],
                                   'reserved': []},
              'EnrolmentRow': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'line',
                                           'number': 1,
                                           'type': 'uint32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'course_code',
                                           'number': 2,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'id_number',
                                           'number': 3,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'enrolled_on',
                                           'number': 4,
                                           'type': 'int32'}],
                               'reserved': []},
              'EnrolmentView': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'number',
                                            'number': 1,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'course_code',
                                            'number': 2,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'card_number',
                                            'number': 3,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'county',
                                            'number': 4,
                                            'type': 'int32'},
                                           {'default': None,
                                            'enum': 'KeyEmploymentGroup',
                                            'label': 'repeated',
                                            'name': 'key_groups',
                                            'number': 5,
                                            'type': 'enum'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'enrolled_on',
                                            'number': 6,
                                            'type': 'int32'}],
                                'reserved': []},
              'Enterprise': {'fields': [{'default': None,
                                         'label': 'singular',
                                         'name': 'credit_code',
                                         'number': 1,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'name',
                                         'number': 2,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'county',
                                         'number': 3,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'industry',
                                         'number': 4,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'staff_count',
                                         'number': 5,
                                         'type': 'uint32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'above_designated_size',
                                         'number': 6,
                                         'type': 'bool'}],
                             'reserved': []},
              'EnterpriseImportBatch': {'fields': [{'default': None,
                                                    'label': 'repeated',
                                                    'message': 'EnterpriseImportRow',
                                                    'name': 'rows',
                                                    'number': 1,
                                                    'type': 'message'}],
                                        'reserved': []},
              'EnterpriseImportRow': {'fields': [{'default': None,
                                                  'label': 'singular',
                                                  'name': 'line',
                                                  'number': 1,
                                                  'type': 'uint32'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'message': 'Enterprise',
                                                  'name': 'enterprise',
                                                  'number': 2,
                                                  'type': 'message'}],
                                      'reserved': []},
              'EnterpriseList': {'fields': [{'default': None,
                                             'label': 'repeated',
                                             'message': 'EnterpriseSummary',
                                             'name': 'enterprises',
                                             'number': 1,
                                             'type': 'message'}],
                                 'reserved': []},
              'EnterpriseListRequest': {'fields': [{'default': None,
                                                    'label': 'singular',
                                                    'name': 'minimum_staff',
                                                    'number': 1,
                                                    'type': 'uint32'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'county',
                                                    'number': 2,
                                                    'type': 'int32'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'as_of',
                                                    'number': 3,
                                                    'type': 'int32'}],
                                        'reserved': []},
              'EnterpriseLookup': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'credit_code',
                                               'number': 1,
                                               'type': 'string'}],
                                   'reserved': []},
              'EnterpriseSummary': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'credit_code',
                                                'number': 1,
                                                'type': 'string'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'name',
                                                'number': 2,
                                                'type': 'string'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'county',
                                                'number': 3,
                                                'type': 'int32'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'staff_count',
                                                'number': 4,
                                                'type': 'uint32'}],
                                    'reserved': []},
              'EnterpriseView': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'message': 'Enterprise',
                                             'name': 'enterprise',
                                             'number': 1,
                                             'type': 'message'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'check_character_valid',
                                             'number': 2,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'repeated',
                                             'message': 'Demand',
                                             'name': 'demand',
                                             'number': 3,
                                             'type': 'message'}],
                                 'reserved': []},
              'EntryBatch': {'fields': [{'default': None,
                                         'label': 'repeated',
                                         'message': 'EntryRequest',
                                         'name': 'entries',
                                         'number': 1,
                                         'type': 'message'}],
                             'reserved': []},
              'EntryRequest': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'competition_code',
                                           'number': 1,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'event_code',
                                           'number': 2,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'id_number',
                                           'number': 3,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'name',
                                           'number': 4,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'school',
                                           'number': 5,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'county',
                                           'number': 6,
                                           'type': 'int32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'entered_on',
                                           'number': 7,
                                           'type': 'int32'}],
                               'reserved': []},
              'EntryView': {'fields': [{'default': None,
                                        'label': 'singular',
                                        'name': 'number',
                                        'number': 1,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'competition_code',
                                        'number': 2,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'event_code',
                                        'number': 3,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'id_masked',
                                        'number': 4,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'name_masked',
                                        'number': 5,
                                        'type': 'string'},
                                       {'default': None,
                                        'enum': 'ParticipantGroup',
                                        'label': 'singular',
                                        'name': 'group',
                                        'number': 6,
                                        'type': 'enum'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'school',
                                        'number': 7,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'county',
                                        'number': 8,
                                        'type': 'int32'}],
                            'reserved': []},
              'EvaluationCounts': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'county',
                                               'number': 1,
                                               'type': 'int32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'as_of',
                                               'number': 2,
                                               'type': 'int32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'year',
                                               'number': 3,
                                               'type': 'int32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'skilled_workers',
                                               'number': 4,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'high_skill',
                                               'number': 5,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'new_skilled_workers',
                                               'number': 6,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'repeated',
                                               'message': 'InstitutionCount',
                                               'name': 'institutions',
                                               'number': 7,
                                               'type': 'message'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'enterprises_lacking_body',
                                               'number': 8,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'compliance_known',
                                               'number': 9,
                                               'type': 'bool'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'in_system_skilled_workers',
                                               'number': 10,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'baseline_skilled_workers',
                                               'number': 11,
                                               'type': 'uint64'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'baseline_high_skill',
                                               'number': 12,
                                               'type': 'uint64'}],
                                   'reserved': []},
              'EvaluationCountsAnswers': {'fields': [{'default': None,
                                                      'label': 'repeated',
                                                      'message': 'EvaluationCounts',
                                                      'name': 'answers',
                                                      'number': 1,
                                                      'type': 'message'}],
                                          'reserved': []},
              'Event': {'fields': [{'default': None,
                                    'label': 'singular',
                                    'name': 'competition_code',
                                    'number': 1,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'code',
                                    'number': 2,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'name',
                                    'number': 3,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'occupation',
                                    'number': 4,
                                    'type': 'string'},
                                   {'default': None,
                                    'enum': 'ParticipantGroup',
                                    'label': 'singular',
                                    'name': 'group',
                                    'number': 5,
                                    'type': 'enum'},
                                   {'default': None,
                                    'label': 'repeated',
                                    'message': 'Criterion',
                                    'name': 'criteria',
                                    'number': 6,
                                    'type': 'message'},
                                   {'default': None,
                                    'label': 'repeated',
                                    'name': 'judges',
                                    'number': 7,
                                    'type': 'string'},
                                   {'default': None,
                                    'label': 'singular',
                                    'name': 'spread_bound',
                                    'number': 8,
                                    'type': 'uint32'}],
                        'reserved': []},
              'EventList': {'fields': [{'default': None,
                                        'label': 'repeated',
                                        'message': 'EventView',
                                        'name': 'events',
                                        'number': 1,
                                        'type': 'message'}],
                            'reserved': []},
              'EventLookup': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'competition_code',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'event_code',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'closed_on',
                                          'number': 3,
                                          'type': 'int32'}],
                              'reserved': []},
              'EventResult': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'rank',
                                          'number': 1,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'entry_number',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'name_masked',
                                          'number': 3,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'county',
                                          'number': 4,
                                          'type': 'int32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'school',
                                          'number': 5,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'total',
                                          'number': 6,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'measurement_total',
                                          'number': 7,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'standardised_score',
                                          'number': 8,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'unmarked',
                                          'number': 9,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'flagged',
                                          'number': 10,
                                          'type': 'uint32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'awarded',
                                          'number': 11,
                                          'type': 'bool'}],
                              'reserved': []},
              'EventView': {'fields': [{'default': None,
                                        'label': 'singular',
                                        'message': 'Event',
                                        'name': 'event',
                                        'number': 1,
                                        'type': 'message'},
                                       {'default': None,
                                        'enum': 'EventState',
                                        'label': 'singular',
                                        'name': 'state',
                                        'number': 2,
                                        'type': 'enum'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'entries',
                                        'number': 3,
                                        'type': 'uint32'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'fully_marked',
                                        'number': 4,
                                        'type': 'uint32'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'flagged',
                                        'number': 5,
                                        'type': 'uint32'}],
                            'reserved': []},
              'ExportRequest': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'county',
                                            'number': 1,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'include_inactive',
                                            'number': 2,
                                            'type': 'bool'}],
                                'reserved': []},
              'GoAway': {'fields': [{'default': None,
                                     'label': 'singular',
                                     'name': 'last_stream_id',
                                     'number': 1,
                                     'type': 'uint32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'code',
                                     'number': 2,
                                     'type': 'uint32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'message',
                                     'number': 3,
                                     'type': 'string'}],
                         'reserved': []},
              'HealthCheckRequest': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'service',
                                                 'number': 1,
                                                 'type': 'string'}],
                                     'reserved': []},
              'HealthCheckResponse': {'fields': [{'default': None,
                                                  'enum': 'ServingStatus',
                                                  'label': 'singular',
                                                  'name': 'status',
                                                  'number': 1,
                                                  'type': 'enum'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'server',
                                                  'number': 2,
                                                  'type': 'string'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'version',
                                                  'number': 3,
                                                  'type': 'string'}],
                                      'reserved': []},
              'HistoryEntry': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'at',
                                           'number': 1,
                                           'type': 'int64'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'principal',
                                           'number': 2,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'request_id',
                                           'number': 3,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'field',
                                           'number': 4,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'old_value',
                                           'number': 5,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'new_value',
                                           'number': 6,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'reason',
                                           'number': 7,
                                           'type': 'string'}],
                               'reserved': []},
              'ImportSummary': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'received',
                                            'number': 1,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'accepted',
                                            'number': 2,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'already_registered',
                                            'number': 3,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'rejected',
                                            'number': 4,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'RowError',
                                            'name': 'errors',
                                            'number': 5,
                                            'type': 'message'}],
                                'reserved': []},
              'IndicatorValue': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'key',
                                             'number': 1,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'name_zh',
                                             'number': 2,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'name_en',
                                             'number': 3,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'unit',
                                             'number': 4,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'source',
                                             'number': 5,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'value',
                                             'number': 6,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'has_target',
                                             'number': 7,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'target',
                                             'number': 8,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'baseline',
                                             'number': 9,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'baseline_date',
                                             'number': 10,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'deadline',
                                             'number': 11,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'progress',
                                             'number': 12,
                                             'type': 'double'},
                                            {'default': None,
                                             'enum': 'IndicatorStatus',
                                             'label': 'singular',
                                             'name': 'status',
                                             'number': 13,
                                             'type': 'enum'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'projected',
                                             'number': 14,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'data_time_ms',
                                             'number': 15,
                                             'type': 'int64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'reason',
                                             'number': 16,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'has_last_known',
                                             'number': 17,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'last_known_value',
                                             'number': 18,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'last_known_time_ms',
                                             'number': 19,
                                             'type': 'int64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'lower_is_better',
                                             'number': 20,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'has_plan',
                                             'number': 21,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'needed_per_month',
                                             'number': 22,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'current_per_month',
                                             'number': 23,
                                             'type': 'double'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'reached_month',
                                             'number': 24,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'deadline_passed',
                                             'number': 25,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'has_current',
                                             'number': 26,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'window_days',
                                             'number': 27,
                                             'type': 'int32'}],
                                 'reserved': []},
              'Institution': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'code',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'name',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'enum': 'InstitutionType',
                                          'label': 'singular',
                                          'name': 'type',
                                          'number': 3,
                                          'type': 'enum'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'county',
                                          'number': 4,
                                          'type': 'int32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'enterprise_credit_code',
                                          'number': 5,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'repeated',
                                          'message': 'ScopeEntry',
                                          'name': 'scope',
                                          'number': 6,
                                          'type': 'message'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'approved_on',
                                          'number': 7,
                                          'type': 'int32'}],
                              'reserved': []},
              'InstitutionCount': {'fields': [{'default': None,
                                               'enum': 'InstitutionType',
                                               'label': 'singular',
                                               'name': 'type',
                                               'number': 1,
                                               'type': 'enum'},
                                              {'default': None,
                                               'enum': 'InstitutionStatus',
                                               'label': 'singular',
                                               'name': 'status',
                                               'number': 2,
                                               'type': 'enum'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'count',
                                               'number': 3,
                                               'type': 'uint64'}],
                                   'reserved': []},
              'InstitutionList': {'fields': [{'default': None,
                                              'label': 'repeated',
                                              'message': 'InstitutionView',
                                              'name': 'institutions',
                                              'number': 1,
                                              'type': 'message'}],
                                  'reserved': []},
              'InstitutionListRequest': {'fields': [{'default': None,
                                                     'label': 'singular',
                                                     'name': 'county',
                                                     'number': 1,
                                                     'type': 'int32'},
                                                    {'default': None,
                                                     'enum': 'InstitutionType',
                                                     'label': 'singular',
                                                     'name': 'type',
                                                     'number': 2,
                                                     'type': 'enum'}],
                                         'reserved': []},
              'InstitutionLookup': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'code',
                                                'number': 1,
                                                'type': 'string'}],
                                    'reserved': []},
              'InstitutionStatusChange': {'fields': [{'default': None,
                                                      'label': 'singular',
                                                      'name': 'code',
                                                      'number': 1,
                                                      'type': 'string'},
                                                     {'default': None,
                                                      'enum': 'InstitutionStatus',
                                                      'label': 'singular',
                                                      'name': 'status',
                                                      'number': 2,
                                                      'type': 'enum'},
                                                     {'default': None,
                                                      'label': 'singular',
                                                      'name': 'reason',
                                                      'number': 3,
                                                      'type': 'string'}],
                                          'reserved': []},
              'InstitutionView': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'message': 'Institution',
                                              'name': 'institution',
                                              'number': 1,
                                              'type': 'message'},
                                             {'default': None,
                                              'enum': 'InstitutionStatus',
                                              'label': 'singular',
                                              'name': 'status',
                                              'number': 2,
                                              'type': 'enum'}],
                                  'reserved': []},
              'IssueCertificateResponse': {'fields': [{'default': None,
                                                       'label': 'singular',
                                                       'name': 'number',
                                                       'number': 1,
                                                       'type': 'string'},
                                                      {'default': None,
                                                       'label': 'singular',
                                                       'message': 'CertificateView',
                                                       'name': 'certificate',
                                                       'number': 2,
                                                       'type': 'message'},
                                                      {'default': None,
                                                       'label': 'repeated',
                                                       'name': 'superseded',
                                                       'number': 3,
                                                       'type': 'string'}],
                                           'reserved': []},
              'LabourBrand': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'code',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'name',
                                          'number': 2,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'county',
                                          'number': 3,
                                          'type': 'int32'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'occupation',
                                          'number': 4,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'repeated',
                                          'message': 'BrandRecognition',
                                          'name': 'recognitions',
                                          'number': 5,
                                          'type': 'message'}],
                              'reserved': []},
              'LabourBrandReport': {'fields': [{'default': None,
                                                'label': 'repeated',
                                                'message': 'LabourBrandView',
                                                'name': 'brands',
                                                'number': 1,
                                                'type': 'message'},
                                               {'default': None,
                                                'label': 'repeated',
                                                'name': 'counties_lacking_city_brand',
                                                'number': 2,
                                                'type': 'int32'},
                                               {'default': None,
                                                'label': 'repeated',
                                                'name': 'counties_lacking_provincial_brand',
                                                'number': 3,
                                                'type': 'int32'}],
                                    'reserved': []},
              'LabourBrandView': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'message': 'LabourBrand',
                                              'name': 'brand',
                                              'number': 1,
                                              'type': 'message'},
                                             {'default': None,
                                              'enum': 'RecognitionLevel',
                                              'label': 'singular',
                                              'name': 'level',
                                              'number': 2,
                                              'type': 'enum'},
                                             {'default': None,
                                              'label': 'repeated',
                                              'message': 'BrandYear',
                                              'name': 'years',
                                              'number': 3,
                                              'type': 'message'}],
                                  'reserved': []},
              'LabourBrandsRequest': {'fields': [], 'reserved': []},
              'Mark': {'fields': [{'default': None,
                                   'label': 'singular',
                                   'name': 'entry_number',
                                   'number': 1,
                                   'type': 'string'},
                                  {'default': None,
                                   'label': 'singular',
                                   'name': 'criterion_code',
                                   'number': 2,
                                   'type': 'string'},
                                  {'default': None,
                                   'label': 'singular',
                                   'name': 'mark',
                                   'number': 3,
                                   'type': 'uint32'}],
                       'reserved': []},
              'MarkSheet': {'fields': [{'default': None,
                                        'label': 'singular',
                                        'name': 'competition_code',
                                        'number': 1,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'singular',
                                        'name': 'event_code',
                                        'number': 2,
                                        'type': 'string'},
                                       {'default': None,
                                        'label': 'repeated',
                                        'message': 'Mark',
                                        'name': 'marks',
                                        'number': 3,
                                        'type': 'message'}],
                            'reserved': []},
              'MarkSheetReceipt': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'recorded',
                                               'number': 1,
                                               'type': 'uint32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'unchanged',
                                               'number': 2,
                                               'type': 'uint32'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'flagged',
                                               'number': 3,
                                               'type': 'uint32'}],
                                   'reserved': []},
              'MetadataEntry': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'key',
                                            'number': 1,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'value',
                                            'number': 2,
                                            'type': 'string'}],
                                'reserved': []},
              'PersonBatch': {'fields': [{'default': None,
                                          'label': 'repeated',
                                          'message': 'PersonView',
                                          'name': 'persons',
                                          'number': 1,
                                          'type': 'message'}],
                              'reserved': []},
              'PersonHistory': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'card_number',
                                            'number': 1,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'HistoryEntry',
                                            'name': 'entries',
                                            'number': 2,
                                            'type': 'message'}],
                                'reserved': []},
              'PersonImportBatch': {'fields': [{'default': None,
                                                'label': 'repeated',
                                                'message': 'PersonImportRow',
                                                'name': 'rows',
                                                'number': 1,
                                                'type': 'message'}],
                                    'reserved': []},
              'PersonImportRow': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'name': 'line',
                                              'number': 1,
                                              'type': 'uint32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'message': 'PersonRegistration',
                                              'name': 'person',
                                              'number': 2,
                                              'type': 'message'}],
                                  'reserved': []},
              'PersonLookup': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'name': 'id_number',
                                           'number': 1,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'card_number',
                                           'number': 2,
                                           'type': 'string'}],
                               'reserved': []},
              'PersonLookupBatch': {'fields': [{'default': None,
                                                'label': 'repeated',
                                                'message': 'PersonLookup',
                                                'name': 'lookups',
                                                'number': 1,
                                                'type': 'message'}],
                                    'reserved': []},
              'PersonRecognitions': {'fields': [{'default': None,
                                                 'label': 'repeated',
                                                 'message': 'RecognisedCertificate',
                                                 'name': 'certificates',
                                                 'number': 1,
                                                 'type': 'message'},
                                                {'default': None,
                                                 'enum': 'SkillLevel',
                                                 'label': 'singular',
                                                 'name': 'highest_level',
                                                 'number': 2,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'engineering_title',
                                                 'number': 3,
                                                 'type': 'string'}],
                                     'reserved': []},
              'PersonRecordRequest': {'fields': [{'default': None,
                                                  'label': 'singular',
                                                  'name': 'id_number',
                                                  'number': 1,
                                                  'type': 'string'}],
                                      'reserved': []},
              'PersonRegistration': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'id_number',
                                                 'number': 1,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'name',
                                                 'number': 2,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'enum': 'Gender',
                                                 'label': 'singular',
                                                 'name': 'gender',
                                                 'number': 3,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'residence_county',
                                                 'number': 4,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'enum': 'LabourCategory',
                                                 'label': 'singular',
                                                 'name': 'category',
                                                 'number': 5,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'enum': 'KeyEmploymentGroup',
                                                 'label': 'repeated',
                                                 'name': 'key_groups',
                                                 'number': 6,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'enum': 'EducationLevel',
                                                 'label': 'singular',
                                                 'name': 'education',
                                                 'number': 7,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'occupation',
                                                 'number': 8,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'enum': 'EmploymentStatus',
                                                 'label': 'singular',
                                                 'name': 'employment',
                                                 'number': 9,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'training_wish',
                                                 'number': 10,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'enum': 'TrainingMode',
                                                 'label': 'singular',
                                                 'name': 'training_mode',
                                                 'number': 11,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'phone',
                                                 'number': 12,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'stage',
                                                 'number': 13,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'registered_on',
                                                 'number': 14,
                                                 'type': 'int32'}],
                                     'reserved': []},
              'PersonTrainingRecord': {'fields': [{'default': None,
                                                   'label': 'singular',
                                                   'name': 'card_number',
                                                   'number': 1,
                                                   'type': 'string'},
                                                  {'default': None,
                                                   'label': 'repeated',
                                                   'message': 'TrainingRecordEntry',
                                                   'name': 'courses',
                                                   'number': 2,
                                                   'type': 'message'},
                                                  {'default': None,
                                                   'label': 'singular',
                                                   'message': 'PersonRecognitions',
                                                   'name': 'certificates',
                                                   'number': 3,
                                                   'type': 'message'},
                                                  {'default': None,
                                                   'label': 'singular',
                                                   'name': 'certificates_known',
                                                   'number': 4,
                                                   'type': 'bool'}],
                                       'reserved': []},
              'PersonUpdate': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'message': 'PersonLookup',
                                           'name': 'person',
                                           'number': 1,
                                           'type': 'message'},
                                          {'default': None,
                                           'label': 'optional',
                                           'name': 'phone',
                                           'number': 2,
                                           'type': 'string'},
                                          {'default': None,
                                           'enum': 'LabourCategory',
                                           'label': 'optional',
                                           'name': 'category',
                                           'number': 3,
                                           'type': 'enum'},
                                          {'default': None,
                                           'enum': 'EducationLevel',
                                           'label': 'optional',
                                           'name': 'education',
                                           'number': 4,
                                           'type': 'enum'},
                                          {'default': None,
                                           'label': 'optional',
                                           'name': 'occupation',
                                           'number': 5,
                                           'type': 'string'},
                                          {'default': None,
                                           'enum': 'EmploymentStatus',
                                           'label': 'optional',
                                           'name': 'employment',
                                           'number': 6,
                                           'type': 'enum'},
                                          {'default': None,
                                           'label': 'optional',
                                           'name': 'training_wish',
                                           'number': 7,
                                           'type': 'string'},
                                          {'default': None,
                                           'enum': 'TrainingMode',
                                           'label': 'optional',
                                           'name': 'training_mode',
                                           'number': 8,
                                           'type': 'enum'},
                                          {'default': None,
                                           'label': 'optional',
                                           'name': 'stage',
                                           'number': 9,
                                           'type': 'int32'},
                                          {'default': None,
                                           'enum': 'KeyEmploymentGroup',
                                           'label': 'repeated',
                                           'name': 'key_groups',
                                           'number': 10,
                                           'type': 'enum'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'replace_key_groups',
                                           'number': 11,
                                           'type': 'bool'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'reason',
                                           'number': 12,
                                           'type': 'string'}],
                               'reserved': []},
              'PersonVerification': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'found',
                                                 'number': 1,
                                                 'type': 'bool'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'card_number',
                                                 'number': 2,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'enum': 'LabourCategory',
                                                 'label': 'singular',
                                                 'name': 'category',
                                                 'number': 3,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'enum': 'KeyEmploymentGroup',
                                                 'label': 'repeated',
                                                 'name': 'key_groups',
                                                 'number': 4,
                                                 'type': 'enum'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'residence_county',
                                                 'number': 5,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'age',
                                                 'number': 6,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'enum': 'RegistrationStatus',
                                                 'label': 'singular',
                                                 'name': 'status',
                                                 'number': 7,
                                                 'type': 'enum'}],
                                     'reserved': []},
              'PersonVerificationBatch': {'fields': [{'default': None,
                                                      'label': 'repeated',
                                                      'message': 'PersonVerification',
                                                      'name': 'verifications',
                                                      'number': 1,
                                                      'type': 'message'}],
                                          'reserved': []},
              'PersonView': {'fields': [{'default': None,
                                         'label': 'singular',
                                         'name': 'card_number',
                                         'number': 1,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'id_number',
                                         'number': 2,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'name',
                                         'number': 3,
                                         'type': 'string'},
                                        {'default': None,
                                         'enum': 'Gender',
                                         'label': 'singular',
                                         'name': 'gender',
                                         'number': 4,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'birth_date',
                                         'number': 5,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'age',
                                         'number': 6,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'residence_county',
                                         'number': 7,
                                         'type': 'int32'},
                                        {'default': None,
                                         'enum': 'LabourCategory',
                                         'label': 'singular',
                                         'name': 'category',
                                         'number': 8,
                                         'type': 'enum'},
                                        {'default': None,
                                         'enum': 'KeyEmploymentGroup',
                                         'label': 'repeated',
                                         'name': 'key_groups',
                                         'number': 9,
                                         'type': 'enum'},
                                        {'default': None,
                                         'enum': 'EducationLevel',
                                         'label': 'singular',
                                         'name': 'education',
                                         'number': 10,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'occupation',
                                         'number': 11,
                                         'type': 'string'},
                                        {'default': None,
                                         'enum': 'EmploymentStatus',
                                         'label': 'singular',
                                         'name': 'employment',
                                         'number': 12,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'training_wish',
                                         'number': 13,
                                         'type': 'string'},
                                        {'default': None,
                                         'enum': 'TrainingMode',
                                         'label': 'singular',
                                         'name': 'training_mode',
                                         'number': 14,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'phone',
                                         'number': 15,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'stage',
                                         'number': 16,
                                         'type': 'int32'},
                                        {'default': None,
                                         'enum': 'RegistrationStatus',
                                         'label': 'singular',
                                         'name': 'status',
                                         'number': 17,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'registered_on',
                                         'number': 18,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'masked',
                                         'number': 19,
                                         'type': 'bool'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'version',
                                         'number': 20,
                                         'type': 'int64'},
                                        {'default': None,
                                         'enum': 'LeavingReason',
                                         'label': 'singular',
                                         'name': 'leaving_reason',
                                         'number': 21,
                                         'type': 'enum'}],
                             'reserved': []},
              'QualityCoverageCell': {'fields': [{'default': None,
                                                  'enum': 'LabourCategory',
                                                  'label': 'singular',
                                                  'name': 'category',
                                                  'number': 1,
                                                  'type': 'enum'},
                                                 {'default': None,
                                                  'enum': 'Gender',
                                                  'label': 'singular',
                                                  'name': 'gender',
                                                  'number': 2,
                                                  'type': 'enum'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'age_band',
                                                  'number': 3,
                                                  'type': 'int32'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'registered',
                                                  'number': 4,
                                                  'type': 'uint64'}],
                                      'reserved': []},
              'QualityExpectedCell': {'fields': [{'default': None,
                                                  'enum': 'Gender',
                                                  'label': 'singular',
                                                  'name': 'gender',
                                                  'number': 1,
                                                  'type': 'enum'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'age_band',
                                                  'number': 2,
                                                  'type': 'int32'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'registered',
                                                  'number': 3,
                                                  'type': 'uint64'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'expected',
                                                  'number': 4,
                                                  'type': 'uint64'}],
                                      'reserved': []},
              'QualityImport': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'kind',
                                            'number': 1,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'principal',
                                            'number': 2,
                                            'type': 'string'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'at_ms',
                                            'number': 3,
                                            'type': 'int64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'received',
                                            'number': 4,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'accepted',
                                            'number': 5,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'already_registered',
                                            'number': 6,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'rejected',
                                            'number': 7,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'QualityRejection',
                                            'name': 'rejections',
                                            'number': 8,
                                            'type': 'message'}],
                                'reserved': []},
              'QualityRejection': {'fields': [{'default': None,
                                               'label': 'singular',
                                               'name': 'kind',
                                               'number': 1,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'reason',
                                               'number': 2,
                                               'type': 'string'},
                                              {'default': None,
                                               'label': 'singular',
                                               'name': 'rows',
                                               'number': 3,
                                               'type': 'uint64'}],
                                   'reserved': []},
              'QualityReport': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'county',
                                            'number': 1,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'QualityImport',
                                            'name': 'imports',
                                            'number': 2,
                                            'type': 'message'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'QualityRejection',
                                            'name': 'rejections',
                                            'number': 3,
                                            'type': 'message'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'QualityCoverageCell',
                                            'name': 'coverage',
                                            'number': 4,
                                            'type': 'message'},
                                           {'default': None,
                                            'label': 'repeated',
                                            'message': 'QualityExpectedCell',
                                            'name': 'expected',
                                            'number': 5,
                                            'type': 'message'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'registered',
                                            'number': 6,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'estimated_labour_force',
                                            'number': 7,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'past_age_active',
                                            'number': 8,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'missing_phone',
                                            'number': 9,
                                            'type': 'uint64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'as_of',
                                            'number': 10,
                                            'type': 'int64'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'duplicate_registrations',
                                            'number': 11,
                                            'type': 'uint64'}],
                                'reserved': []},
              'QualityRequest': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'county',
                                             'number': 1,
                                             'type': 'int32'}],
                                 'reserved': []},
              'RecognisedCertificate': {'fields': [{'default': None,
                                                    'label': 'singular',
                                                    'message': 'CertificateView',
                                                    'name': 'certificate',
                                                    'number': 1,
                                                    'type': 'message'},
                                                   {'default': None,
                                                    'enum': 'CertificateKind',
                                                    'label': 'singular',
                                                    'name': 'equivalent_kind',
                                                    'number': 2,
                                                    'type': 'enum'},
                                                   {'default': None,
                                                    'enum': 'SkillLevel',
                                                    'label': 'singular',
                                                    'name': 'equivalent_level',
                                                    'number': 3,
                                                    'type': 'enum'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'engineering_title',
                                                    'number': 4,
                                                    'type': 'string'}],
                                        'reserved': []},
              'RecognitionRequest': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'holder_id_number',
                                                 'number': 1,
                                                 'type': 'string'}],
                                     'reserved': []},
              'RegisterPersonResponse': {'fields': [{'default': None,
                                                     'label': 'singular',
                                                     'name': 'card_number',
                                                     'number': 1,
                                                     'type': 'string'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'message': 'PersonView',
                                                     'name': 'person',
                                                     'number': 2,
                                                     'type': 'message'}],
                                         'reserved': []},
              'RegistrationStatistics': {'fields': [{'default': None,
                                                     'label': 'repeated',
                                                     'message': 'StatisticsCell',
                                                     'name': 'cells',
                                                     'number': 1,
                                                     'type': 'message'},
                                                    {'default': None,
                                                     'label': 'repeated',
                                                     'message': 'CountyCoverage',
                                                     'name': 'coverage',
                                                     'number': 2,
                                                     'type': 'message'},
                                                    {'default': None,
                                                     'label': 'repeated',
                                                     'message': 'DailyRegistrations',
                                                     'name': 'daily',
                                                     'number': 3,
                                                     'type': 'message'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'name': 'registered',
                                                     'number': 4,
                                                     'type': 'uint64'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'name': 'enterprises',
                                                     'number': 5,
                                                     'type': 'uint64'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'name': 'enterprises_surveyed',
                                                     'number': 6,
                                                     'type': 'uint64'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'name': 'deadline',
                                                     'number': 7,
                                                     'type': 'int32'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'name': 'as_of',
                                                     'number': 8,
                                                     'type': 'int64'},
                                                    {'default': None,
                                                     'label': 'singular',
                                                     'name': 'registrations_up_to',
                                                     'number': 9,
                                                     'type': 'uint64'}],
                                         'reserved': []},
              'ResultsRequest': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'competition_code',
                                             'number': 1,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'event_code',
                                             'number': 2,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'standardised',
                                             'number': 3,
                                             'type': 'bool'}],
                                 'reserved': []},
              'RowError': {'fields': [{'default': None,
                                       'label': 'singular',
                                       'name': 'line',
                                       'number': 1,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'column',
                                       'number': 2,
                                       'type': 'string'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'reason',
                                       'number': 3,
                                       'type': 'string'}],
                           'reserved': []},
              'ScopeEntry': {'fields': [{'default': None,
                                         'label': 'singular',
                                         'name': 'occupation',
                                         'number': 1,
                                         'type': 'string'},
                                        {'default': None,
                                         'enum': 'SkillLevel',
                                         'label': 'repeated',
                                         'name': 'levels',
                                         'number': 2,
                                         'type': 'enum'}],
                             'reserved': []},
              'ScopeTotals': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'county',
                                          'number': 1,
                                          'type': 'int32'},
                                         {'default': None,
                                          'label': 'repeated',
                                          'message': 'IndicatorValue',
                                          'name': 'indicators',
                                          'number': 2,
                                          'type': 'message'}],
                              'reserved': []},
              'Settings': {'fields': [{'default': None,
                                       'label': 'singular',
                                       'name': 'protocol_version',
                                       'number': 1,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_frame_size',
                                       'number': 2,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_concurrent_streams',
                                       'number': 3,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'initial_window_size',
                                       'number': 4,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_message_size',
                                       'number': 5,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'maximum_metadata_size',
                                       'number': 6,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'idle_timeout_milliseconds',
                                       'number': 7,
                                       'type': 'uint32'}],
                           'reserved': []},
              'SignedCertificate': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'message': 'SignedCertificateBody',
                                                'name': 'body',
                                                'number': 1,
                                                'type': 'message'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'signature',
                                                'number': 2,
                                                'type': 'bytes'}],
                                    'reserved': []},
              'SignedCertificateBody': {'fields': [{'default': 'jcskills-certificate/1',
                                                    'label': 'singular',
                                                    'name': 'format',
                                                    'number': 1,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'number',
                                                    'number': 2,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'institution_code',
                                                    'number': 3,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'enum': 'CertificateKind',
                                                    'label': 'singular',
                                                    'name': 'kind',
                                                    'number': 4,
                                                    'type': 'enum'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'occupation',
                                                    'number': 5,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'enum': 'SkillLevel',
                                                    'label': 'singular',
                                                    'name': 'level',
                                                    'number': 6,
                                                    'type': 'enum'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'operation_code',
                                                    'number': 7,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'holder_name',
                                                    'number': 8,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'holder_id_masked',
                                                    'number': 9,
                                                    'type': 'string'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'county',
                                                    'number': 10,
                                                    'type': 'int32'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'issued_on',
                                                    'number': 11,
                                                    'type': 'int32'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'expires_on',
                                                    'number': 12,
                                                    'type': 'int32'},
                                                   {'default': None,
                                                    'enum': 'CertificateState',
                                                    'label': 'singular',
                                                    'name': 'state',
                                                    'number': 13,
                                                    'type': 'enum'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'ended_on',
                                                    'number': 14,
                                                    'type': 'int32'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'signed_on',
                                                    'number': 15,
                                                    'type': 'int32'},
                                                   {'default': None,
                                                    'label': 'singular',
                                                    'name': 'key_id',
                                                    'number': 16,
                                                    'type': 'string'}],
                                        'reserved': []},
              'SourceState': {'fields': [{'default': None,
                                          'label': 'singular',
                                          'name': 'service',
                                          'number': 1,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'available',
                                          'number': 2,
                                          'type': 'bool'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'reason',
                                          'number': 3,
                                          'type': 'string'},
                                         {'default': None,
                                          'label': 'singular',
                                          'name': 'latency_micros',
                                          'number': 4,
                                          'type': 'int64'}],
                              'reserved': []},
              'StatisticsAnswers': {'fields': [{'default': None,
                                                'label': 'repeated',
                                                'message': 'RegistrationStatistics',
                                                'name': 'answers',
                                                'number': 1,
                                                'type': 'message'}],
                                    'reserved': []},
              'StatisticsCell': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'county',
                                             'number': 1,
                                             'type': 'int32'},
                                            {'default': None,
                                             'enum': 'LabourCategory',
                                             'label': 'singular',
                                             'name': 'category',
                                             'number': 2,
                                             'type': 'enum'},
                                            {'default': None,
                                             'enum': 'Gender',
                                             'label': 'singular',
                                             'name': 'gender',
                                             'number': 3,
                                             'type': 'enum'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'age_band',
                                             'number': 4,
                                             'type': 'int32'},
                                            {'default': None,
                                             'enum': 'EmploymentStatus',
                                             'label': 'singular',
                                             'name': 'employment',
                                             'number': 5,
                                             'type': 'enum'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'count',
                                             'number': 6,
                                             'type': 'uint64'}],
                                 'reserved': []},
              'StatisticsQuestions': {'fields': [{'default': None,
                                                  'label': 'repeated',
                                                  'message': 'StatisticsRequest',
                                                  'name': 'requests',
                                                  'number': 1,
                                                  'type': 'message'}],
                                      'reserved': []},
              'StatisticsRequest': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'county',
                                                'number': 1,
                                                'type': 'int32'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'summary_only',
                                                'number': 2,
                                                'type': 'bool'},
                                               {'default': None,
                                                'label': 'singular',
                                                'name': 'registrations_up_to',
                                                'number': 3,
                                                'type': 'int32'}],
                                    'reserved': []},
              'StatusChange': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'message': 'PersonLookup',
                                           'name': 'person',
                                           'number': 1,
                                           'type': 'message'},
                                          {'default': None,
                                           'enum': 'RegistrationStatus',
                                           'label': 'singular',
                                           'name': 'status',
                                           'number': 2,
                                           'type': 'enum'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'new_county',
                                           'number': 3,
                                           'type': 'int32'},
                                          {'default': None,
                                           'enum': 'LeavingReason',
                                           'label': 'singular',
                                           'name': 'leaving_reason',
                                           'number': 4,
                                           'type': 'enum'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'reason',
                                           'number': 5,
                                           'type': 'string'}],
                               'reserved': []},
              'Studio': {'fields': [{'default': None,
                                     'label': 'singular',
                                     'name': 'code',
                                     'number': 1,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'name',
                                     'number': 2,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'master_id_number',
                                     'number': 3,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'master_name',
                                     'number': 4,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'host_credit_code',
                                     'number': 5,
                                     'type': 'string'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'county',
                                     'number': 6,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'industry',
                                     'number': 7,
                                     'type': 'string'},
                                    {'default': None,
                                     'enum': 'RecognitionLevel',
                                     'label': 'singular',
                                     'name': 'level',
                                     'number': 8,
                                     'type': 'enum'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'established_on',
                                     'number': 9,
                                     'type': 'int32'}],
                         'reserved': []},
              'StudioReport': {'fields': [{'default': None,
                                           'label': 'repeated',
                                           'message': 'StudioView',
                                           'name': 'studios',
                                           'number': 1,
                                           'type': 'message'},
                                          {'default': None,
                                           'label': 'repeated',
                                           'name': 'counties_without',
                                           'number': 2,
                                           'type': 'int32'},
                                          {'default': None,
                                           'label': 'repeated',
                                           'name': 'large_enterprises_without',
                                           'number': 3,
                                           'type': 'string'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'enterprises_known',
                                           'number': 4,
                                           'type': 'bool'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'city_total',
                                           'number': 5,
                                           'type': 'uint32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'city_target',
                                           'number': 6,
                                           'type': 'uint32'}],
                               'reserved': []},
              'StudioView': {'fields': [{'default': None,
                                         'label': 'singular',
                                         'name': 'code',
                                         'number': 1,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'name',
                                         'number': 2,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'master_id_masked',
                                         'number': 3,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'master_name_masked',
                                         'number': 4,
                                         'type': 'string'},
                                        {'default': None,
                                         'enum': 'SkillLevel',
                                         'label': 'singular',
                                         'name': 'master_level',
                                         'number': 5,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'host_credit_code',
                                         'number': 6,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'county',
                                         'number': 7,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'industry',
                                         'number': 8,
                                         'type': 'string'},
                                        {'default': None,
                                         'enum': 'RecognitionLevel',
                                         'label': 'singular',
                                         'name': 'level',
                                         'number': 9,
                                         'type': 'enum'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'established_on',
                                         'number': 10,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'repeated',
                                         'message': 'StudioYear',
                                         'name': 'years',
                                         'number': 11,
                                         'type': 'message'}],
                             'reserved': []},
              'StudioYear': {'fields': [{'default': None,
                                         'label': 'singular',
                                         'name': 'studio_code',
                                         'number': 1,
                                         'type': 'string'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'year',
                                         'number': 2,
                                         'type': 'int32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'apprentices_mentored',
                                         'number': 3,
                                         'type': 'uint32'},
                                        {'default': None,
                                         'label': 'singular',
                                         'name': 'problems_solved',
                                         'number': 4,
                                         'type': 'uint32'}],
                             'reserved': []},
              'StudiosRequest': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'as_of',
                                             'number': 1,
                                             'type': 'int32'}],
                                 'reserved': []},
              'Totals': {'fields': [{'default': None,
                                     'label': 'singular',
                                     'name': 'as_of',
                                     'number': 1,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'year',
                                     'number': 2,
                                     'type': 'int32'},
                                    {'default': None,
                                     'label': 'singular',
                                     'message': 'ScopeTotals',
                                     'name': 'scope',
                                     'number': 3,
                                     'type': 'message'},
                                    {'default': None,
                                     'label': 'repeated',
                                     'message': 'ScopeTotals',
                                     'name': 'counties',
                                     'number': 4,
                                     'type': 'message'},
                                    {'default': None,
                                     'label': 'repeated',
                                     'message': 'SourceState',
                                     'name': 'sources',
                                     'number': 5,
                                     'type': 'message'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'partial',
                                     'number': 6,
                                     'type': 'bool'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'generated_ms',
                                     'number': 7,
                                     'type': 'int64'},
                                    {'default': None,
                                     'label': 'singular',
                                     'name': 'cached',
                                     'number': 8,
                                     'type': 'bool'}],
                         'reserved': []},
              'TotalsRequest': {'fields': [{'default': None,
                                            'label': 'singular',
                                            'name': 'county',
                                            'number': 1,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'as_of',
                                            'number': 2,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'year',
                                            'number': 3,
                                            'type': 'int32'},
                                           {'default': None,
                                            'label': 'singular',
                                            'name': 'fresh',
                                            'number': 4,
                                            'type': 'bool'}],
                                'reserved': []},
              'Trailers': {'fields': [{'default': None,
                                       'label': 'singular',
                                       'name': 'code',
                                       'number': 1,
                                       'type': 'uint32'},
                                      {'default': None,
                                       'label': 'singular',
                                       'name': 'message',
                                       'number': 2,
                                       'type': 'string'},
                                      {'default': None,
                                       'label': 'repeated',
                                       'message': 'MetadataEntry',
                                       'name': 'metadata',
                                       'number': 3,
                                       'type': 'message'}],
                           'reserved': []},
              'TrainingCounts': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'as_of',
                                             'number': 1,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'year',
                                             'number': 2,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'enterprise_training',
                                             'number': 3,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'key_group_training',
                                             'number': 4,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'key_group_completed',
                                             'number': 5,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'key_group_passed',
                                             'number': 6,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'key_group_certified',
                                             'number': 7,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'key_group_employed',
                                             'number': 8,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'trained_for_certificate',
                                             'number': 9,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'labour_brands',
                                             'number': 10,
                                             'type': 'uint64'},
                                            {'default': None,
                                             'label': 'repeated',
                                             'name': 'counties_lacking_city_brand',
                                             'number': 11,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'repeated',
                                             'name': 'counties_lacking_provincial_brand',
                                             'number': 12,
                                             'type': 'int32'}],
                                 'reserved': []},
              'TrainingCountsAnswers': {'fields': [{'default': None,
                                                    'label': 'repeated',
                                                    'message': 'TrainingCounts',
                                                    'name': 'answers',
                                                    'number': 1,
                                                    'type': 'message'}],
                                        'reserved': []},
              'TrainingFigures': {'fields': [{'default': None,
                                              'label': 'singular',
                                              'name': 'enrolled',
                                              'number': 1,
                                              'type': 'uint64'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'completed',
                                              'number': 2,
                                              'type': 'uint64'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'passed',
                                              'number': 3,
                                              'type': 'uint64'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'employed',
                                              'number': 4,
                                              'type': 'uint64'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'pass_rate',
                                              'number': 5,
                                              'type': 'uint32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'employment_rate',
                                              'number': 6,
                                              'type': 'uint32'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'subsidy_due',
                                              'number': 7,
                                              'type': 'uint64'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'certified',
                                              'number': 8,
                                              'type': 'uint64'},
                                             {'default': None,
                                              'label': 'singular',
                                              'name': 'certificate_rate',
                                              'number': 9,
                                              'type': 'uint32'}],
                                  'reserved': []},
              'TrainingFiguresLine': {'fields': [{'default': None,
                                                  'label': 'singular',
                                                  'name': 'dimension',
                                                  'number': 1,
                                                  'type': 'string'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'key',
                                                  'number': 2,
                                                  'type': 'string'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'message': 'TrainingFigures',
                                                  'name': 'figures',
                                                  'number': 3,
                                                  'type': 'message'},
                                                 {'default': None,
                                                  'label': 'repeated',
                                                  'name': 'flags',
                                                  'number': 4,
                                                  'type': 'string'}],
                                      'reserved': []},
              'TrainingIndicators': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'name': 'year',
                                                 'number': 1,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'county',
                                                 'number': 2,
                                                 'type': 'int32'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'message': 'TrainingFigures',
                                                 'name': 'total',
                                                 'number': 3,
                                                 'type': 'message'},
                                                {'default': None,
                                                 'label': 'repeated',
                                                 'message': 'TrainingFiguresLine',
                                                 'name': 'lines',
                                                 'number': 4,
                                                 'type': 'message'}],
                                     'reserved': []},
              'TrainingIndicatorsRequest': {'fields': [{'default': None,
                                                        'label': 'singular',
                                                        'name': 'year',
                                                        'number': 1,
                                                        'type': 'int32'},
                                                       {'default': None,
                                                        'label': 'singular',
                                                        'name': 'county',
                                                        'number': 2,
                                                        'type': 'int32'}],
                                            'reserved': []},
              'TrainingRecordEntry': {'fields': [{'default': None,
                                                  'label': 'singular',
                                                  'message': 'Course',
                                                  'name': 'course',
                                                  'number': 1,
                                                  'type': 'message'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'enrolment_number',
                                                  'number': 2,
                                                  'type': 'string'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'name': 'enrolled_on',
                                                  'number': 3,
                                                  'type': 'int32'},
                                                 {'default': None,
                                                  'label': 'singular',
                                                  'message': 'TrainingResultView',
                                                  'name': 'result',
                                                  'number': 4,
                                                  'type': 'message'}],
                                      'reserved': []},
              'TrainingResult': {'fields': [{'default': None,
                                             'label': 'singular',
                                             'name': 'enrolment_number',
                                             'number': 1,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'completed_on',
                                             'number': 2,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'passed',
                                             'number': 3,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'employer_credit_code',
                                             'number': 4,
                                             'type': 'string'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'self_employed',
                                             'number': 5,
                                             'type': 'bool'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'employed_on',
                                             'number': 6,
                                             'type': 'int32'},
                                            {'default': None,
                                             'label': 'singular',
                                             'name': 'employment_verified',
                                             'number': 7,
                                             'type': 'bool'}],
                                 'reserved': []},
              'TrainingResultBatch': {'fields': [{'default': None,
                                                  'label': 'repeated',
                                                  'message': 'TrainingResultRow',
                                                  'name': 'rows',
                                                  'number': 1,
                                                  'type': 'message'}],
                                      'reserved': []},
              'TrainingResultRow': {'fields': [{'default': None,
                                                'label': 'singular',
                                                'name': 'line',
                                                'number': 1,
                                                'type': 'uint32'},
                                               {'default': None,
                                                'label': 'singular',
                                                'message': 'TrainingResult',
                                                'name': 'result',
                                                'number': 2,
                                                'type': 'message'}],
                                    'reserved': []},
              'TrainingResultView': {'fields': [{'default': None,
                                                 'label': 'singular',
                                                 'message': 'TrainingResult',
                                                 'name': 'result',
                                                 'number': 1,
                                                 'type': 'message'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'course_code',
                                                 'number': 2,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'completion_number',
                                                 'number': 3,
                                                 'type': 'string'},
                                                {'default': None,
                                                 'label': 'singular',
                                                 'name': 'certificate_number',
                                                 'number': 4,
                                                 'type': 'string'}],
                                     'reserved': []},
              'WatchRequest': {'fields': [{'default': None,
                                           'label': 'singular',
                                           'message': 'TotalsRequest',
                                           'name': 'totals',
                                           'number': 1,
                                           'type': 'message'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'interval_ms',
                                           'number': 2,
                                           'type': 'int32'},
                                          {'default': None,
                                           'label': 'singular',
                                           'name': 'heartbeat_seconds',
                                           'number': 3,
                                           'type': 'int32'}],
                               'reserved': []}}}

SCHEMAS = SchemaSet().load(CONTRACT)
SCHEMAS.check()
for _name, _schema in SCHEMAS.messages.items():
    _schema.factory = globals()[_name]
for _name, _enum in SCHEMAS.enums.items():
    _enum.python_type = globals()[_name]
SERVICES: dict[str, Any] = {'services': [{'methods': [{'access': 'any authenticated peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Check',
                            'path': 'jcskills.Health/Check',
                            'request': 'HealthCheckRequest',
                            'response': 'HealthCheckResponse'}],
               'name': 'jcskills.Health'},
              {'methods': [{'access': 'role admin',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'Collect',
                            'path': 'jcskills.Echo/Collect',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'},
                           {'access': 'role admin',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Echo',
                            'path': 'jcskills.Echo/Echo',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'},
                           {'access': 'role admin',
                            'idempotent': True,
                            'kind': 'serverStreaming',
                            'name': 'Expand',
                            'path': 'jcskills.Echo/Expand',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'},
                           {'access': 'role admin',
                            'idempotent': False,
                            'kind': 'bidirectionalStreaming',
                            'name': 'Update',
                            'path': 'jcskills.Echo/Update',
                            'request': 'EchoMessage',
                            'response': 'EchoMessage'}],
               'name': 'jcskills.Echo'},
              {'methods': [{'access': 'role admin, role competition-office, county offices, role auditor, '
                                      'competition judges',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Awards',
                            'path': 'jcskills.competition.Competition/Awards',
                            'request': 'AwardsRequest',
                            'response': 'AwardList'},
                           {'access': 'role admin, role competition-office, county offices, role auditor, '
                                      'service gateway',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'BatchCounts',
                            'path': 'jcskills.competition.Competition/BatchCounts',
                            'request': 'CountsQuestions',
                            'response': 'CompetitionCountsAnswers'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'CloseEvent',
                            'path': 'jcskills.competition.Competition/CloseEvent',
                            'request': 'EventLookup',
                            'response': 'EventView'},
                           {'access': 'role admin, role competition-office, county offices, role auditor, '
                                      'service gateway',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Counts',
                            'path': 'jcskills.competition.Competition/Counts',
                            'request': 'CountsRequest',
                            'response': 'CompetitionCounts'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Enter',
                            'path': 'jcskills.competition.Competition/Enter',
                            'request': 'EntryRequest',
                            'response': 'EntryView'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'GetCompetition',
                            'path': 'jcskills.competition.Competition/GetCompetition',
                            'request': 'CompetitionLookup',
                            'response': 'CompetitionView'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportEntries',
                            'path': 'jcskills.competition.Competition/ImportEntries',
                            'request': 'EntryBatch',
                            'response': 'ImportSummary'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'ListCompetitions',
                            'path': 'jcskills.competition.Competition/ListCompetitions',
                            'request': 'CompetitionListRequest',
                            'response': 'CompetitionList'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'ListEvents',
                            'path': 'jcskills.competition.Competition/ListEvents',
                            'request': 'CompetitionLookup',
                            'response': 'EventList'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RecordStudioYear',
                            'path': 'jcskills.competition.Competition/RecordStudioYear',
                            'request': 'StudioYear',
                            'response': 'StudioView'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RegisterCompetition',
                            'path': 'jcskills.competition.Competition/RegisterCompetition',
                            'request': 'Competition',
                            'response': 'CompetitionView'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RegisterEvent',
                            'path': 'jcskills.competition.Competition/RegisterEvent',
                            'request': 'Event',
                            'response': 'EventView'},
                           {'access': 'role admin, role competition-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RegisterStudio',
                            'path': 'jcskills.competition.Competition/RegisterStudio',
                            'request': 'Studio',
                            'response': 'StudioView'},
                           {'access': 'role admin, role competition-office, county offices, role auditor, '
                                      'competition judges',
                            'idempotent': True,
                            'kind': 'serverStreaming',
                            'name': 'Results',
                            'path': 'jcskills.competition.Competition/Results',
                            'request': 'ResultsRequest',
                            'response': 'EventResult'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Studios',
                            'path': 'jcskills.competition.Competition/Studios',
                            'request': 'StudiosRequest',
                            'response': 'StudioReport'},
                           {'access': 'competition judges',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'SubmitMarks',
                            'path': 'jcskills.competition.Competition/SubmitMarks',
                            'request': 'MarkSheet',
                            'response': 'MarkSheetReceipt'}],
               'name': 'jcskills.competition.Competition'},
              {'methods': [{'access': 'role admin, role evaluation-office, county offices, role auditor, '
                                      'service gateway, service training',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Baseline',
                            'path': 'jcskills.evaluation.Evaluation/Baseline',
                            'request': 'BaselineRequest',
                            'response': 'BaselineReport'},
                           {'access': 'role admin, role evaluation-office, county offices, role auditor, '
                                      'service gateway, service training',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'BatchCounts',
                            'path': 'jcskills.evaluation.Evaluation/BatchCounts',
                            'request': 'CountsQuestions',
                            'response': 'EvaluationCountsAnswers'},
                           {'access': 'role admin, role evaluation-office, county offices, role auditor, '
                                      'service gateway, service training',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Compliance',
                            'path': 'jcskills.evaluation.Evaluation/Compliance',
                            'request': 'ComplianceRequest',
                            'response': 'ComplianceReport'},
                           {'access': 'role admin, role evaluation-office, county offices, role auditor, '
                                      'service gateway, service training',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Counts',
                            'path': 'jcskills.evaluation.Evaluation/Counts',
                            'request': 'CountsRequest',
                            'response': 'EvaluationCounts'},
                           {'access': 'role admin, role evaluation-office, service competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'DeclareBaseline',
                            'path': 'jcskills.evaluation.Evaluation/DeclareBaseline',
                            'request': 'BaselineDeclaration',
                            'response': 'BaselineEntry'},
                           {'access': 'role admin, role evaluation-office, service competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'ExportCertificate',
                            'path': 'jcskills.evaluation.Evaluation/ExportCertificate',
                            'request': 'CertificateLookup',
                            'response': 'SignedCertificate'},
                           {'access': 'role admin, role evaluation-office, county offices, role auditor, '
                                      'service training, service competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'GetCertificate',
                            'path': 'jcskills.evaluation.Evaluation/GetCertificate',
                            'request': 'CertificateLookup',
                            'response': 'CertificateView'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'GetInstitution',
                            'path': 'jcskills.evaluation.Evaluation/GetInstitution',
                            'request': 'InstitutionLookup',
                            'response': 'InstitutionView'},
                           {'access': 'role admin, role evaluation-office, service competition',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportCertificates',
                            'path': 'jcskills.evaluation.Evaluation/ImportCertificates',
                            'request': 'CertificateImportBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role evaluation-office, service competition',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'IssueCertificate',
                            'path': 'jcskills.evaluation.Evaluation/IssueCertificate',
                            'request': 'CertificateIssue',
                            'response': 'IssueCertificateResponse'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'ListInstitutions',
                            'path': 'jcskills.evaluation.Evaluation/ListInstitutions',
                            'request': 'InstitutionListRequest',
                            'response': 'InstitutionList'},
                           {'access': 'role admin, role evaluation-office, county offices, role auditor, '
                                      'service training, service competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Recognitions',
                            'path': 'jcskills.evaluation.Evaluation/Recognitions',
                            'request': 'RecognitionRequest',
                            'response': 'PersonRecognitions'},
                           {'access': 'role admin, role evaluation-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'RegisterInstitution',
                            'path': 'jcskills.evaluation.Evaluation/RegisterInstitution',
                            'request': 'Institution',
                            'response': 'InstitutionView'},
                           {'access': 'role admin, role evaluation-office',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'RevokeCertificate',
                            'path': 'jcskills.evaluation.Evaluation/RevokeCertificate',
                            'request': 'CertificateRevocation',
                            'response': 'CertificateView'},
                           {'access': 'role admin, role evaluation-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'SetInstitutionStatus',
                            'path': 'jcskills.evaluation.Evaluation/SetInstitutionStatus',
                            'request': 'InstitutionStatusChange',
                            'response': 'InstitutionView'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'VerifyCertificate',
                            'path': 'jcskills.evaluation.Evaluation/VerifyCertificate',
                            'request': 'CertificateVerificationRequest',
                            'response': 'CertificateVerification'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'VerifyCertificates',
                            'path': 'jcskills.evaluation.Evaluation/VerifyCertificates',
                            'request': 'CertificateVerificationBatch',
                            'response': 'CertificateVerifications'}],
               'name': 'jcskills.evaluation.Evaluation'},
              {'methods': [{'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Totals',
                            'path': 'jcskills.gateway.Gateway/Totals',
                            'request': 'TotalsRequest',
                            'response': 'Totals'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'serverStreaming',
                            'name': 'Watch',
                            'path': 'jcskills.gateway.Gateway/Watch',
                            'request': 'WatchRequest',
                            'response': 'Totals'}],
               'name': 'jcskills.gateway.Gateway'},
              {'methods': [{'access': 'role admin, role registry-office, county offices, role auditor, '
                                      'service gateway, service training, service evaluation, service '
                                      'competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'BatchStatistics',
                            'path': 'jcskills.registry.Registry/BatchStatistics',
                            'request': 'StatisticsQuestions',
                            'response': 'StatisticsAnswers'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'ChangeStatus',
                            'path': 'jcskills.registry.Registry/ChangeStatus',
                            'request': 'StatusChange',
                            'response': 'PersonView'},
                           {'access': 'role admin, role registry-office, county offices, role auditor, '
                                      'service gateway, service training, service evaluation, service '
                                      'competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'DemandGap',
                            'path': 'jcskills.registry.Registry/DemandGap',
                            'request': 'DemandGapRequest',
                            'response': 'DemandGapReport'},
                           {'access': 'role admin, role registry-office, county offices, role auditor',
                            'idempotent': True,
                            'kind': 'serverStreaming',
                            'name': 'ExportPersons',
                            'path': 'jcskills.registry.Registry/ExportPersons',
                            'request': 'ExportRequest',
                            'response': 'PersonBatch'},
                           {'access': 'role admin, role registry-office, county offices, role auditor, '
                                      'service evaluation, service training',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'GetEnterprise',
                            'path': 'jcskills.registry.Registry/GetEnterprise',
                            'request': 'EnterpriseLookup',
                            'response': 'EnterpriseView'},
                           {'access': 'role admin, role registry-office, county offices, role auditor',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'GetPerson',
                            'path': 'jcskills.registry.Registry/GetPerson',
                            'request': 'PersonLookup',
                            'response': 'PersonView'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportDemand',
                            'path': 'jcskills.registry.Registry/ImportDemand',
                            'request': 'DemandImportBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportEnterprises',
                            'path': 'jcskills.registry.Registry/ImportEnterprises',
                            'request': 'EnterpriseImportBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportPersons',
                            'path': 'jcskills.registry.Registry/ImportPersons',
                            'request': 'PersonImportBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role registry-office, county offices, role auditor, '
                                      'service evaluation, service gateway, service competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'ListEnterprises',
                            'path': 'jcskills.registry.Registry/ListEnterprises',
                            'request': 'EnterpriseListRequest',
                            'response': 'EnterpriseList'},
                           {'access': 'role admin, role registry-office, county offices, role auditor',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'PersonHistory',
                            'path': 'jcskills.registry.Registry/PersonHistory',
                            'request': 'PersonLookup',
                            'response': 'PersonHistory'},
                           {'access': 'role admin, role registry-office, county offices, role auditor, '
                                      'service gateway',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Quality',
                            'path': 'jcskills.registry.Registry/Quality',
                            'request': 'QualityRequest',
                            'response': 'QualityReport'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'RegisterEnterprise',
                            'path': 'jcskills.registry.Registry/RegisterEnterprise',
                            'request': 'Enterprise',
                            'response': 'EnterpriseView'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'RegisterPerson',
                            'path': 'jcskills.registry.Registry/RegisterPerson',
                            'request': 'PersonRegistration',
                            'response': 'RegisterPersonResponse'},
                           {'access': 'role admin, role registry-office, county offices, role auditor, '
                                      'service gateway, service training, service evaluation, service '
                                      'competition',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Statistics',
                            'path': 'jcskills.registry.Registry/Statistics',
                            'request': 'StatisticsRequest',
                            'response': 'RegistrationStatistics'},
                           {'access': 'role admin, role registry-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'UpdatePerson',
                            'path': 'jcskills.registry.Registry/UpdatePerson',
                            'request': 'PersonUpdate',
                            'response': 'PersonView'},
                           {'access': 'service training, service competition, role admin, role '
                                      'registry-office',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'VerifyPerson',
                            'path': 'jcskills.registry.Registry/VerifyPerson',
                            'request': 'PersonLookup',
                            'response': 'PersonVerification'},
                           {'access': 'service training, service competition, role admin, role '
                                      'registry-office',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'VerifyPersons',
                            'path': 'jcskills.registry.Registry/VerifyPersons',
                            'request': 'PersonLookupBatch',
                            'response': 'PersonVerificationBatch'}],
               'name': 'jcskills.registry.Registry'},
              {'methods': [{'access': 'role admin, role training-office, county offices, role auditor, '
                                      'service gateway',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'BatchCounts',
                            'path': 'jcskills.training.Training/BatchCounts',
                            'request': 'CountsQuestions',
                            'response': 'TrainingCountsAnswers'},
                           {'access': 'role admin, role training-office, county offices, role auditor, '
                                      'service gateway',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Counts',
                            'path': 'jcskills.training.Training/Counts',
                            'request': 'CountsRequest',
                            'response': 'TrainingCounts'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'Enrol',
                            'path': 'jcskills.training.Training/Enrol',
                            'request': 'EnrolmentRequest',
                            'response': 'EnrolmentView'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'GetCourse',
                            'path': 'jcskills.training.Training/GetCourse',
                            'request': 'CourseLookup',
                            'response': 'CourseView'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportCertificatesAfter',
                            'path': 'jcskills.training.Training/ImportCertificatesAfter',
                            'request': 'CertificateAfterTrainingBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportEnrolments',
                            'path': 'jcskills.training.Training/ImportEnrolments',
                            'request': 'EnrolmentBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': False,
                            'kind': 'clientStreaming',
                            'name': 'ImportResults',
                            'path': 'jcskills.training.Training/ImportResults',
                            'request': 'TrainingResultBatch',
                            'response': 'ImportSummary'},
                           {'access': 'role admin, role training-office, county offices, role auditor, '
                                      'service gateway',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'Indicators',
                            'path': 'jcskills.training.Training/Indicators',
                            'request': 'TrainingIndicatorsRequest',
                            'response': 'TrainingIndicators'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'LabourBrands',
                            'path': 'jcskills.training.Training/LabourBrands',
                            'request': 'LabourBrandsRequest',
                            'response': 'LabourBrandReport'},
                           {'access': 'any identified peer',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'ListCourses',
                            'path': 'jcskills.training.Training/ListCourses',
                            'request': 'CourseListRequest',
                            'response': 'CourseList'},
                           {'access': 'role admin, role training-office, role auditor',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'PersonRecord',
                            'path': 'jcskills.training.Training/PersonRecord',
                            'request': 'PersonRecordRequest',
                            'response': 'PersonTrainingRecord'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RecordCertificate',
                            'path': 'jcskills.training.Training/RecordCertificate',
                            'request': 'CertificateAfterTraining',
                            'response': 'TrainingResultView'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RecordResult',
                            'path': 'jcskills.training.Training/RecordResult',
                            'request': 'TrainingResult',
                            'response': 'TrainingResultView'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': True,
                            'kind': 'unary',
                            'name': 'RegisterBrand',
                            'path': 'jcskills.training.Training/RegisterBrand',
                            'request': 'LabourBrand',
                            'response': 'LabourBrandView'},
                           {'access': 'role admin, role training-office, county offices',
                            'idempotent': False,
                            'kind': 'unary',
                            'name': 'RegisterCourse',
                            'path': 'jcskills.training.Training/RegisterCourse',
                            'request': 'Course',
                            'response': 'CourseView'}],
               'name': 'jcskills.training.Training'}]}
METHODS: dict[str, Method] = methods_of(SERVICES, SCHEMAS)


class EchoClient:
    """`jcskills.Echo`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.Echo'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def collect(self, requests: Union[Iterable[EchoMessage], AsyncIterable[EchoMessage]], **kwargs: Any) -> EchoMessage:
        """Collect (clientStreaming); access: role admin"""
        return await self.client.client_streaming(METHODS['jcskills.Echo/Collect'], requests, **kwargs)  # type: ignore[no-any-return]

    async def echo(self, request: EchoMessage, **kwargs: Any) -> EchoMessage:
        """Echo (unary, idempotent); access: role admin"""
        return await self.client.unary(METHODS['jcskills.Echo/Echo'], request, **kwargs)  # type: ignore[no-any-return]

    def expand(self, request: EchoMessage, **kwargs: Any) -> ResponseStream:
        """Expand (serverStreaming, idempotent); access: role admin. Iterate the stream for `EchoMessage` messages."""
        return self.client.server_streaming(METHODS['jcskills.Echo/Expand'], request, **kwargs)

    def update(self, **kwargs: Any) -> StreamingCall:
        """Update (bidirectionalStreaming); access: role admin. `async with` it; send `EchoMessage`, receive `EchoMessage`."""
        return self.client.streaming_call(METHODS['jcskills.Echo/Update'], **kwargs)


class HealthClient:
    """`jcskills.Health`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.Health'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def check(self, request: HealthCheckRequest, **kwargs: Any) -> HealthCheckResponse:
        """Check (unary, idempotent); access: any authenticated peer"""
        return await self.client.unary(METHODS['jcskills.Health/Check'], request, **kwargs)  # type: ignore[no-any-return]


class CompetitionClient:
    """`jcskills.competition.Competition`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.competition.Competition'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def awards(self, request: AwardsRequest, **kwargs: Any) -> AwardList:
        """Awards (unary, idempotent); access: role admin, role competition-office, county offices, role auditor, competition judges"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/Awards'], request, **kwargs)  # type: ignore[no-any-return]

    async def batch_counts(self, request: CountsQuestions, **kwargs: Any) -> CompetitionCountsAnswers:
        """BatchCounts (unary, idempotent); access: role admin, role competition-office, county offices, role auditor, service gateway"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/BatchCounts'], request, **kwargs)  # type: ignore[no-any-return]

    async def close_event(self, request: EventLookup, **kwargs: Any) -> EventView:
        """CloseEvent (unary, idempotent); access: role admin, role competition-office, county offices"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/CloseEvent'], request, **kwargs)  # type: ignore[no-any-return]

    async def counts(self, request: CountsRequest, **kwargs: Any) -> CompetitionCounts:
        """Counts (unary, idempotent); access: role admin, role competition-office, county offices, role auditor, service gateway"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/Counts'], request, **kwargs)  # type: ignore[no-any-return]

    async def enter(self, request: EntryRequest, **kwargs: Any) -> EntryView:
        """Enter (unary, idempotent); access: role admin, role competition-office, county offices"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/Enter'], request, **kwargs)  # type: ignore[no-any-return]

    async def get_competition(self, request: CompetitionLookup, **kwargs: Any) -> CompetitionView:
        """GetCompetition (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/GetCompetition'], request, **kwargs)  # type: ignore[no-any-return]

    async def import_entries(self, requests: Union[Iterable[EntryBatch], AsyncIterable[EntryBatch]], **kwargs: Any) -> ImportSummary:
        """ImportEntries (clientStreaming); access: role admin, role competition-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.competition.Competition/ImportEntries'], requests, **kwargs)  # type: ignore[no-any-return]

    async def list_competitions(self, request: CompetitionListRequest, **kwargs: Any) -> CompetitionList:
        """ListCompetitions (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/ListCompetitions'], request, **kwargs)  # type: ignore[no-any-return]

    async def list_events(self, request: CompetitionLookup, **kwargs: Any) -> EventList:
        """ListEvents (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/ListEvents'], request, **kwargs)  # type: ignore[no-any-return]

    async def record_studio_year(self, request: StudioYear, **kwargs: Any) -> StudioView:
        """RecordStudioYear (unary, idempotent); access: role admin, role competition-office, county offices"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/RecordStudioYear'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_competition(self, request: Competition, **kwargs: Any) -> CompetitionView:
        """RegisterCompetition (unary, idempotent); access: role admin, role competition-office, county offices"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/RegisterCompetition'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_event(self, request: Event, **kwargs: Any) -> EventView:
        """RegisterEvent (unary, idempotent); access: role admin, role competition-office, county offices"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/RegisterEvent'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_studio(self, request: Studio, **kwargs: Any) -> StudioView:
        """RegisterStudio (unary, idempotent); access: role admin, role competition-office, county offices"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/RegisterStudio'], request, **kwargs)  # type: ignore[no-any-return]

    def results(self, request: ResultsRequest, **kwargs: Any) -> ResponseStream:
        """Results (serverStreaming, idempotent); access: role admin, role competition-office, county offices, role auditor, competition judges. Iterate the stream for `EventResult` messages."""
        return self.client.server_streaming(METHODS['jcskills.competition.Competition/Results'], request, **kwargs)

    async def studios(self, request: StudiosRequest, **kwargs: Any) -> StudioReport:
        """Studios (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/Studios'], request, **kwargs)  # type: ignore[no-any-return]

    async def submit_marks(self, request: MarkSheet, **kwargs: Any) -> MarkSheetReceipt:
        """SubmitMarks (unary, idempotent); access: competition judges"""
        return await self.client.unary(METHODS['jcskills.competition.Competition/SubmitMarks'], request, **kwargs)  # type: ignore[no-any-return]


class EvaluationClient:
    """`jcskills.evaluation.Evaluation`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.evaluation.Evaluation'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def baseline(self, request: BaselineRequest, **kwargs: Any) -> BaselineReport:
        """Baseline (unary, idempotent); access: role admin, role evaluation-office, county offices, role auditor, service gateway, service training"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/Baseline'], request, **kwargs)  # type: ignore[no-any-return]

    async def batch_counts(self, request: CountsQuestions, **kwargs: Any) -> EvaluationCountsAnswers:
        """BatchCounts (unary, idempotent); access: role admin, role evaluation-office, county offices, role auditor, service gateway, service training"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/BatchCounts'], request, **kwargs)  # type: ignore[no-any-return]

    async def compliance(self, request: ComplianceRequest, **kwargs: Any) -> ComplianceReport:
        """Compliance (unary, idempotent); access: role admin, role evaluation-office, county offices, role auditor, service gateway, service training"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/Compliance'], request, **kwargs)  # type: ignore[no-any-return]

    async def counts(self, request: CountsRequest, **kwargs: Any) -> EvaluationCounts:
        """Counts (unary, idempotent); access: role admin, role evaluation-office, county offices, role auditor, service gateway, service training"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/Counts'], request, **kwargs)  # type: ignore[no-any-return]

    async def declare_baseline(self, request: BaselineDeclaration, **kwargs: Any) -> BaselineEntry:
        """DeclareBaseline (unary, idempotent); access: role admin, role evaluation-office, service competition"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/DeclareBaseline'], request, **kwargs)  # type: ignore[no-any-return]

    async def export_certificate(self, request: CertificateLookup, **kwargs: Any) -> SignedCertificate:
        """ExportCertificate (unary, idempotent); access: role admin, role evaluation-office, service competition"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/ExportCertificate'], request, **kwargs)  # type: ignore[no-any-return]

    async def get_certificate(self, request: CertificateLookup, **kwargs: Any) -> CertificateView:
        """GetCertificate (unary, idempotent); access: role admin, role evaluation-office, county offices, role auditor, service training, service competition"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/GetCertificate'], request, **kwargs)  # type: ignore[no-any-return]

    async def get_institution(self, request: InstitutionLookup, **kwargs: Any) -> InstitutionView:
        """GetInstitution (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/GetInstitution'], request, **kwargs)  # type: ignore[no-any-return]

    async def import_certificates(self, requests: Union[Iterable[CertificateImportBatch], AsyncIterable[CertificateImportBatch]], **kwargs: Any) -> ImportSummary:
        """ImportCertificates (clientStreaming); access: role admin, role evaluation-office, service competition"""
        return await self.client.client_streaming(METHODS['jcskills.evaluation.Evaluation/ImportCertificates'], requests, **kwargs)  # type: ignore[no-any-return]

    async def issue_certificate(self, request: CertificateIssue, **kwargs: Any) -> IssueCertificateResponse:
        """IssueCertificate (unary); access: role admin, role evaluation-office, service competition"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/IssueCertificate'], request, **kwargs)  # type: ignore[no-any-return]

    async def list_institutions(self, request: InstitutionListRequest, **kwargs: Any) -> InstitutionList:
        """ListInstitutions (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/ListInstitutions'], request, **kwargs)  # type: ignore[no-any-return]

    async def recognitions(self, request: RecognitionRequest, **kwargs: Any) -> PersonRecognitions:
        """Recognitions (unary, idempotent); access: role admin, role evaluation-office, county offices, role auditor, service training, service competition"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/Recognitions'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_institution(self, request: Institution, **kwargs: Any) -> InstitutionView:
        """RegisterInstitution (unary); access: role admin, role evaluation-office, county offices"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/RegisterInstitution'], request, **kwargs)  # type: ignore[no-any-return]

    async def revoke_certificate(self, request: CertificateRevocation, **kwargs: Any) -> CertificateView:
        """RevokeCertificate (unary); access: role admin, role evaluation-office"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/RevokeCertificate'], request, **kwargs)  # type: ignore[no-any-return]

    async def set_institution_status(self, request: InstitutionStatusChange, **kwargs: Any) -> InstitutionView:
        """SetInstitutionStatus (unary); access: role admin, role evaluation-office, county offices"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/SetInstitutionStatus'], request, **kwargs)  # type: ignore[no-any-return]

    async def verify_certificate(self, request: CertificateVerificationRequest, **kwargs: Any) -> CertificateVerification:
        """VerifyCertificate (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/VerifyCertificate'], request, **kwargs)  # type: ignore[no-any-return]

    async def verify_certificates(self, request: CertificateVerificationBatch, **kwargs: Any) -> CertificateVerifications:
        """VerifyCertificates (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.evaluation.Evaluation/VerifyCertificates'], request, **kwargs)  # type: ignore[no-any-return]


class GatewayClient:
    """`jcskills.gateway.Gateway`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.gateway.Gateway'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def totals(self, request: TotalsRequest, **kwargs: Any) -> Totals:
        """Totals (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.gateway.Gateway/Totals'], request, **kwargs)  # type: ignore[no-any-return]

    def watch(self, request: WatchRequest, **kwargs: Any) -> ResponseStream:
        """Watch (serverStreaming, idempotent); access: any identified peer. Iterate the stream for `Totals` messages."""
        return self.client.server_streaming(METHODS['jcskills.gateway.Gateway/Watch'], request, **kwargs)


class RegistryClient:
    """`jcskills.registry.Registry`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.registry.Registry'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def batch_statistics(self, request: StatisticsQuestions, **kwargs: Any) -> StatisticsAnswers:
        """BatchStatistics (unary, idempotent); access: role admin, role registry-office, county offices, role auditor, service gateway, service training, service evaluation, service competition"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/BatchStatistics'], request, **kwargs)  # type: ignore[no-any-return]

    async def change_status(self, request: StatusChange, **kwargs: Any) -> PersonView:
        """ChangeStatus (unary); access: role admin, role registry-office, county offices"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/ChangeStatus'], request, **kwargs)  # type: ignore[no-any-return]

    async def demand_gap(self, request: DemandGapRequest, **kwargs: Any) -> DemandGapReport:
        """DemandGap (unary, idempotent); access: role admin, role registry-office, county offices, role auditor, service gateway, service training, service evaluation, service competition"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/DemandGap'], request, **kwargs)  # type: ignore[no-any-return]

    def export_persons(self, request: ExportRequest, **kwargs: Any) -> ResponseStream:
        """ExportPersons (serverStreaming, idempotent); access: role admin, role registry-office, county offices, role auditor. Iterate the stream for `PersonBatch` messages."""
        return self.client.server_streaming(METHODS['jcskills.registry.Registry/ExportPersons'], request, **kwargs)

    async def get_enterprise(self, request: EnterpriseLookup, **kwargs: Any) -> EnterpriseView:
        """GetEnterprise (unary, idempotent); access: role admin, role registry-office, county offices, role auditor, service evaluation, service training"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/GetEnterprise'], request, **kwargs)  # type: ignore[no-any-return]

    async def get_person(self, request: PersonLookup, **kwargs: Any) -> PersonView:
        """GetPerson (unary, idempotent); access: role admin, role registry-office, county offices, role auditor"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/GetPerson'], request, **kwargs)  # type: ignore[no-any-return]

    async def import_demand(self, requests: Union[Iterable[DemandImportBatch], AsyncIterable[DemandImportBatch]], **kwargs: Any) -> ImportSummary:
        """ImportDemand (clientStreaming); access: role admin, role registry-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.registry.Registry/ImportDemand'], requests, **kwargs)  # type: ignore[no-any-return]

    async def import_enterprises(self, requests: Union[Iterable[EnterpriseImportBatch], AsyncIterable[EnterpriseImportBatch]], **kwargs: Any) -> ImportSummary:
        """ImportEnterprises (clientStreaming); access: role admin, role registry-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.registry.Registry/ImportEnterprises'], requests, **kwargs)  # type: ignore[no-any-return]

    async def import_persons(self, requests: Union[Iterable[PersonImportBatch], AsyncIterable[PersonImportBatch]], **kwargs: Any) -> ImportSummary:
        """ImportPersons (clientStreaming); access: role admin, role registry-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.registry.Registry/ImportPersons'], requests, **kwargs)  # type: ignore[no-any-return]

    async def list_enterprises(self, request: EnterpriseListRequest, **kwargs: Any) -> EnterpriseList:
        """ListEnterprises (unary, idempotent); access: role admin, role registry-office, county offices, role auditor, service evaluation, service gateway, service competition"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/ListEnterprises'], request, **kwargs)  # type: ignore[no-any-return]

    async def person_history(self, request: PersonLookup, **kwargs: Any) -> PersonHistory:
        """PersonHistory (unary, idempotent); access: role admin, role registry-office, county offices, role auditor"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/PersonHistory'], request, **kwargs)  # type: ignore[no-any-return]

    async def quality(self, request: QualityRequest, **kwargs: Any) -> QualityReport:
        """Quality (unary, idempotent); access: role admin, role registry-office, county offices, role auditor, service gateway"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/Quality'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_enterprise(self, request: Enterprise, **kwargs: Any) -> EnterpriseView:
        """RegisterEnterprise (unary); access: role admin, role registry-office, county offices"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/RegisterEnterprise'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_person(self, request: PersonRegistration, **kwargs: Any) -> RegisterPersonResponse:
        """RegisterPerson (unary); access: role admin, role registry-office, county offices"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/RegisterPerson'], request, **kwargs)  # type: ignore[no-any-return]

    async def statistics(self, request: StatisticsRequest, **kwargs: Any) -> RegistrationStatistics:
        """Statistics (unary, idempotent); access: role admin, role registry-office, county offices, role auditor, service gateway, service training, service evaluation, service competition"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/Statistics'], request, **kwargs)  # type: ignore[no-any-return]

    async def update_person(self, request: PersonUpdate, **kwargs: Any) -> PersonView:
        """UpdatePerson (unary); access: role admin, role registry-office, county offices"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/UpdatePerson'], request, **kwargs)  # type: ignore[no-any-return]

    async def verify_person(self, request: PersonLookup, **kwargs: Any) -> PersonVerification:
        """VerifyPerson (unary, idempotent); access: service training, service competition, role admin, role registry-office"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/VerifyPerson'], request, **kwargs)  # type: ignore[no-any-return]

    async def verify_persons(self, request: PersonLookupBatch, **kwargs: Any) -> PersonVerificationBatch:
        """VerifyPersons (unary, idempotent); access: service training, service competition, role admin, role registry-office"""
        return await self.client.unary(METHODS['jcskills.registry.Registry/VerifyPersons'], request, **kwargs)  # type: ignore[no-any-return]


class TrainingClient:
    """`jcskills.training.Training`: one method per RPC. Keyword arguments go to the call
    (timeout, metadata, request_id, idempotency_key)."""

    SERVICE = 'jcskills.training.Training'

    def __init__(self, client: Client) -> None:
        self.client = client

    async def batch_counts(self, request: CountsQuestions, **kwargs: Any) -> TrainingCountsAnswers:
        """BatchCounts (unary, idempotent); access: role admin, role training-office, county offices, role auditor, service gateway"""
        return await self.client.unary(METHODS['jcskills.training.Training/BatchCounts'], request, **kwargs)  # type: ignore[no-any-return]

    async def counts(self, request: CountsRequest, **kwargs: Any) -> TrainingCounts:
        """Counts (unary, idempotent); access: role admin, role training-office, county offices, role auditor, service gateway"""
        return await self.client.unary(METHODS['jcskills.training.Training/Counts'], request, **kwargs)  # type: ignore[no-any-return]

    async def enrol(self, request: EnrolmentRequest, **kwargs: Any) -> EnrolmentView:
        """Enrol (unary); access: role admin, role training-office, county offices"""
        return await self.client.unary(METHODS['jcskills.training.Training/Enrol'], request, **kwargs)  # type: ignore[no-any-return]

    async def get_course(self, request: CourseLookup, **kwargs: Any) -> CourseView:
        """GetCourse (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.training.Training/GetCourse'], request, **kwargs)  # type: ignore[no-any-return]

    async def import_certificates_after(self, requests: Union[Iterable[CertificateAfterTrainingBatch], AsyncIterable[CertificateAfterTrainingBatch]], **kwargs: Any) -> ImportSummary:
        """ImportCertificatesAfter (clientStreaming); access: role admin, role training-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.training.Training/ImportCertificatesAfter'], requests, **kwargs)  # type: ignore[no-any-return]

    async def import_enrolments(self, requests: Union[Iterable[EnrolmentBatch], AsyncIterable[EnrolmentBatch]], **kwargs: Any) -> ImportSummary:
        """ImportEnrolments (clientStreaming); access: role admin, role training-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.training.Training/ImportEnrolments'], requests, **kwargs)  # type: ignore[no-any-return]

    async def import_results(self, requests: Union[Iterable[TrainingResultBatch], AsyncIterable[TrainingResultBatch]], **kwargs: Any) -> ImportSummary:
        """ImportResults (clientStreaming); access: role admin, role training-office, county offices"""
        return await self.client.client_streaming(METHODS['jcskills.training.Training/ImportResults'], requests, **kwargs)  # type: ignore[no-any-return]

    async def indicators(self, request: TrainingIndicatorsRequest, **kwargs: Any) -> TrainingIndicators:
        """Indicators (unary, idempotent); access: role admin, role training-office, county offices, role auditor, service gateway"""
        return await self.client.unary(METHODS['jcskills.training.Training/Indicators'], request, **kwargs)  # type: ignore[no-any-return]

    async def labour_brands(self, request: LabourBrandsRequest, **kwargs: Any) -> LabourBrandReport:
        """LabourBrands (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.training.Training/LabourBrands'], request, **kwargs)  # type: ignore[no-any-return]

    async def list_courses(self, request: CourseListRequest, **kwargs: Any) -> CourseList:
        """ListCourses (unary, idempotent); access: any identified peer"""
        return await self.client.unary(METHODS['jcskills.training.Training/ListCourses'], request, **kwargs)  # type: ignore[no-any-return]

    async def person_record(self, request: PersonRecordRequest, **kwargs: Any) -> PersonTrainingRecord:
        """PersonRecord (unary, idempotent); access: role admin, role training-office, role auditor"""
        return await self.client.unary(METHODS['jcskills.training.Training/PersonRecord'], request, **kwargs)  # type: ignore[no-any-return]

    async def record_certificate(self, request: CertificateAfterTraining, **kwargs: Any) -> TrainingResultView:
        """RecordCertificate (unary, idempotent); access: role admin, role training-office, county offices"""
        return await self.client.unary(METHODS['jcskills.training.Training/RecordCertificate'], request, **kwargs)  # type: ignore[no-any-return]

    async def record_result(self, request: TrainingResult, **kwargs: Any) -> TrainingResultView:
        """RecordResult (unary, idempotent); access: role admin, role training-office, county offices"""
        return await self.client.unary(METHODS['jcskills.training.Training/RecordResult'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_brand(self, request: LabourBrand, **kwargs: Any) -> LabourBrandView:
        """RegisterBrand (unary, idempotent); access: role admin, role training-office, county offices"""
        return await self.client.unary(METHODS['jcskills.training.Training/RegisterBrand'], request, **kwargs)  # type: ignore[no-any-return]

    async def register_course(self, request: Course, **kwargs: Any) -> CourseView:
        """RegisterCourse (unary); access: role admin, role training-office, county offices"""
        return await self.client.unary(METHODS['jcskills.training.Training/RegisterCourse'], request, **kwargs)  # type: ignore[no-any-return]
