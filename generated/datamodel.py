# Auto generated from gaischema.yaml by pythongen.py version: 0.0.1
# Schema: gaischema
#
# id: https://w3id.org/gaischema
# description: gaischema is the machine-readable standard for the 政府信息公开工作年度报告 (annual report on government information disclosure work) that every Chinese administrative organ publishes under 《中华人民共和国政府信息公开条例》 (国务院令第711号) 第五十条, in the national format of 国办公开办函〔2019〕60号 (report years 2019-2020) and 国办公开办函〔2021〕30号 (report years 2021 onward). It models the narrative sections, the three tables (二 主动公开, 三 收到和处理申请, 四 行政复议、行政诉讼) and their accounting identities (勾稽关系). Every table cell has exactly one slot path; every slot carries the official Chinese label as its title. Cross-field rules are declared as class rules; their id is the rule title and their condition, severity, messages and official source are annotations read by the gaischema rule engine.
# license: https://creativecommons.org/publicdomain/zero/1.0/

import dataclasses
import re
from dataclasses import dataclass
from datetime import (
    date,
    datetime,
    time
)
from typing import (
    Any,
    ClassVar,
    Dict,
    List,
    Optional,
    Union
)

from jsonasobj2 import (
    JsonObj,
    as_dict
)
from linkml_runtime.linkml_model.meta import (
    EnumDefinition,
    PermissibleValue,
    PvFormulaOptions
)
from linkml_runtime.utils.curienamespace import CurieNamespace
from linkml_runtime.utils.enumerations import EnumDefinitionImpl
from linkml_runtime.utils.formatutils import (
    camelcase,
    sfx,
    underscore
)
from linkml_runtime.utils.metamodelcore import (
    bnode,
    empty_dict,
    empty_list
)
from linkml_runtime.utils.slot import Slot
from linkml_runtime.utils.yamlutils import (
    YAMLRoot,
    extended_float,
    extended_int,
    extended_str
)
from rdflib import (
    Namespace,
    URIRef
)

from linkml_runtime.linkml_model.types import Boolean, Date, Decimal, Float, Integer, String, Uri
from linkml_runtime.utils.metamodelcore import Bool, Decimal, URI, XSDDate

metamodel_version = "1.12.0"
version = "0.2.0"

# Namespaces
DCTERMS = CurieNamespace('dcterms', 'http://purl.org/dc/terms/')
GAISCHEMA = CurieNamespace('gaischema', 'https://w3id.org/gaischema/')
LINKML = CurieNamespace('linkml', 'https://w3id.org/linkml/')
ORG = CurieNamespace('org', 'http://www.w3.org/ns/org#')
SCHEMA = CurieNamespace('schema', 'http://schema.org/')
XSD = CurieNamespace('xsd', 'http://www.w3.org/2001/XMLSchema#')
DEFAULT_ = GAISCHEMA


# Types
class Count(Integer):
    """ A count of documents, decisions, applications or cases; a non-negative integer, at most 2^53 - 1 (the largest integer every implementation reads exactly; a larger one is reported, never silently rounded). """
    type_class_uri = XSD["integer"]
    type_class_curie = "xsd:integer"
    type_name = "count"
    type_model_uri = GAISCHEMA.Count


class SignedCount(Integer):
    """ A change in a count from one year to the next (2019 format 本年增/减); may be negative. """
    type_class_uri = XSD["integer"]
    type_class_curie = "xsd:integer"
    type_name = "signed_count"
    type_model_uri = GAISCHEMA.SignedCount


class Amount(Decimal):
    """ A non-negative decimal amount of money, in the unit that its slot names. """
    type_class_uri = XSD["decimal"]
    type_class_curie = "xsd:decimal"
    type_name = "amount"
    type_model_uri = GAISCHEMA.Amount


# Class references



@dataclass(repr=False)
class AnnualReport(YAMLRoot):
    """
    One organ's annual report on government information disclosure work for one year. Table 二 is proactive_disclosure
    (2021 format) or proactive_disclosure_2019 (2019 format).
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["AnnualReport"]
    class_class_curie: ClassVar[str] = "gaischema:AnnualReport"
    class_name: ClassVar[str] = "AnnualReport"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.AnnualReport

    organ: str = None
    report_year: int = None
    format_version: Union[str, "FormatVersionEnum"] = None
    canonical_organ: Optional[str] = None
    organ_kind: Optional[Union[str, "OrganKindEnum"]] = None
    division_code: Optional[str] = None
    publication_date: Optional[Union[str, XSDDate]] = None
    source_url: Optional[Union[str, URI]] = None
    statistical_period: Optional[Union[dict, "StatisticalPeriod"]] = None
    overview: Optional[str] = None
    proactive_disclosure: Optional[Union[dict, "ProactiveDisclosure"]] = None
    proactive_disclosure_2019: Optional[Union[dict, "ProactiveDisclosure2019"]] = None
    applications: Optional[Union[dict, "ApplicationStatistics"]] = None
    reviews_and_litigation: Optional[Union[dict, "ReviewsAndLitigation"]] = None
    problems_and_improvements: Optional[str] = None
    other_matters: Optional[str] = None
    processing_fee_charged: Optional[Union[bool, Bool]] = None
    processing_fee_amount: Optional[Union[Decimal, Amount]] = None
    extraction: Optional[Union[dict, "ExtractionRecord"]] = None
    extensions: Optional[Union[dict, "LocalExtensions"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.organ):
            self.MissingRequiredField("organ")
        if not isinstance(self.organ, str):
            self.organ = str(self.organ)

        if self._is_empty(self.report_year):
            self.MissingRequiredField("report_year")
        if not isinstance(self.report_year, int):
            self.report_year = int(self.report_year)

        if self._is_empty(self.format_version):
            self.MissingRequiredField("format_version")
        if not isinstance(self.format_version, FormatVersionEnum):
            self.format_version = FormatVersionEnum(self.format_version)

        if self.canonical_organ is not None and not isinstance(self.canonical_organ, str):
            self.canonical_organ = str(self.canonical_organ)

        if self.organ_kind is not None and not isinstance(self.organ_kind, OrganKindEnum):
            self.organ_kind = OrganKindEnum(self.organ_kind)

        if self.division_code is not None and not isinstance(self.division_code, str):
            self.division_code = str(self.division_code)

        if self.publication_date is not None and not isinstance(self.publication_date, XSDDate):
            self.publication_date = XSDDate(self.publication_date)

        if self.source_url is not None and not isinstance(self.source_url, URI):
            self.source_url = URI(self.source_url)

        if self.statistical_period is not None and not isinstance(self.statistical_period, StatisticalPeriod):
            self.statistical_period = StatisticalPeriod(**as_dict(self.statistical_period))

        if self.overview is not None and not isinstance(self.overview, str):
            self.overview = str(self.overview)

        if self.proactive_disclosure is not None and not isinstance(self.proactive_disclosure, ProactiveDisclosure):
            self.proactive_disclosure = ProactiveDisclosure(**as_dict(self.proactive_disclosure))

        if self.proactive_disclosure_2019 is not None and not isinstance(self.proactive_disclosure_2019, ProactiveDisclosure2019):
            self.proactive_disclosure_2019 = ProactiveDisclosure2019(**as_dict(self.proactive_disclosure_2019))

        if self.applications is not None and not isinstance(self.applications, ApplicationStatistics):
            self.applications = ApplicationStatistics(**as_dict(self.applications))

        if self.reviews_and_litigation is not None and not isinstance(self.reviews_and_litigation, ReviewsAndLitigation):
            self.reviews_and_litigation = ReviewsAndLitigation(**as_dict(self.reviews_and_litigation))

        if self.problems_and_improvements is not None and not isinstance(self.problems_and_improvements, str):
            self.problems_and_improvements = str(self.problems_and_improvements)

        if self.other_matters is not None and not isinstance(self.other_matters, str):
            self.other_matters = str(self.other_matters)

        if self.processing_fee_charged is not None and not isinstance(self.processing_fee_charged, Bool):
            self.processing_fee_charged = Bool(self.processing_fee_charged)

        if self.processing_fee_amount is not None and not isinstance(self.processing_fee_amount, Amount):
            self.processing_fee_amount = Amount(self.processing_fee_amount)

        if self.extraction is not None and not isinstance(self.extraction, ExtractionRecord):
            self.extraction = ExtractionRecord(**as_dict(self.extraction))

        if self.extensions is not None and not isinstance(self.extensions, LocalExtensions):
            self.extensions = LocalExtensions()

        super().__post_init__(**kwargs)


class LocalExtensions(YAMLRoot):
    """
    The local extensions of a report, one key per namespace (a province's extension schema declares its own key and
    its content). Open in the national format: any content is accepted, and none is checked by a national rule.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["LocalExtensions"]
    class_class_curie: ClassVar[str] = "gaischema:LocalExtensions"
    class_name: ClassVar[str] = "LocalExtensions"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.LocalExtensions


@dataclass(repr=False)
class OrganRoster(YAMLRoot):
    """
    The organs that must publish a report (条例第五十条), for `gaischema report --organs FILE` (YAML, as this class or a
    list of its records; or CSV with the OrganRecord slots as columns, aliases separated by ; or |). It makes the
    resolution of printed organ names exact and gives XR-NOT-PUBLISHED its years. Without one, gaischema proposes a
    roster from the corpus (organs-proposed.csv beside the page) to correct and pass back.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["OrganRoster"]
    class_class_curie: ClassVar[str] = "gaischema:OrganRoster"
    class_name: ClassVar[str] = "OrganRoster"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.OrganRoster

    organs: Optional[Union[Union[dict, "OrganRecord"], list[Union[dict, "OrganRecord"]]]] = empty_list()

    def __post_init__(self, *_: str, **kwargs: Any):
        self._normalize_inlined_as_list(slot_name="organs", slot_type=OrganRecord, key_name="canonical_organ", keyed=False)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class OrganRecord(YAMLRoot):
    """
    One organ of a roster: its canonical name, the other names it is printed under, its 行政区划代码, level, kind, parent,
    the years it existed and its successor when renamed or merged.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["OrganRecord"]
    class_class_curie: ClassVar[str] = "gaischema:OrganRecord"
    class_name: ClassVar[str] = "OrganRecord"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.OrganRecord

    canonical_organ: str = None
    organ_aliases: Optional[Union[str, list[str]]] = empty_list()
    division_code: Optional[str] = None
    organ_level: Optional[Union[str, "OrganLevelEnum"]] = None
    roster_kind: Optional[Union[str, "RosterKindEnum"]] = None
    parent_organ: Optional[str] = None
    first_year: Optional[int] = None
    last_year: Optional[int] = None
    successor_organ: Optional[str] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.canonical_organ):
            self.MissingRequiredField("canonical_organ")
        if not isinstance(self.canonical_organ, str):
            self.canonical_organ = str(self.canonical_organ)

        if not isinstance(self.organ_aliases, list):
            self.organ_aliases = [self.organ_aliases] if self.organ_aliases is not None else []
        self.organ_aliases = [v if isinstance(v, str) else str(v) for v in self.organ_aliases]

        if self.division_code is not None and not isinstance(self.division_code, str):
            self.division_code = str(self.division_code)

        if self.organ_level is not None and not isinstance(self.organ_level, OrganLevelEnum):
            self.organ_level = OrganLevelEnum(self.organ_level)

        if self.roster_kind is not None and not isinstance(self.roster_kind, RosterKindEnum):
            self.roster_kind = RosterKindEnum(self.roster_kind)

        if self.parent_organ is not None and not isinstance(self.parent_organ, str):
            self.parent_organ = str(self.parent_organ)

        if self.first_year is not None and not isinstance(self.first_year, int):
            self.first_year = int(self.first_year)

        if self.last_year is not None and not isinstance(self.last_year, int):
            self.last_year = int(self.last_year)

        if self.successor_organ is not None and not isinstance(self.successor_organ, str):
            self.successor_organ = str(self.successor_organ)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ExtractionRecord(YAMLRoot):
    """
    Provenance of an extracted instance, and the notes of what could not be read or was inferred.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ExtractionRecord"]
    class_class_curie: ClassVar[str] = "gaischema:ExtractionRecord"
    class_name: ClassVar[str] = "ExtractionRecord"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ExtractionRecord

    source_file: Optional[str] = None
    source_format: Optional[Union[str, "SourceFormatEnum"]] = None
    source_encoding: Optional[str] = None
    extractor: Optional[str] = None
    section_headings: Optional[Union[str, list[str]]] = empty_list()
    notes: Optional[Union[Union[dict, "ExtractionNote"], list[Union[dict, "ExtractionNote"]]]] = empty_list()
    cell_sources: Optional[Union[Union[dict, "CellSource"], list[Union[dict, "CellSource"]]]] = empty_list()

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.source_file is not None and not isinstance(self.source_file, str):
            self.source_file = str(self.source_file)

        if self.source_format is not None and not isinstance(self.source_format, SourceFormatEnum):
            self.source_format = SourceFormatEnum(self.source_format)

        if self.source_encoding is not None and not isinstance(self.source_encoding, str):
            self.source_encoding = str(self.source_encoding)

        if self.extractor is not None and not isinstance(self.extractor, str):
            self.extractor = str(self.extractor)

        if not isinstance(self.section_headings, list):
            self.section_headings = [self.section_headings] if self.section_headings is not None else []
        self.section_headings = [v if isinstance(v, str) else str(v) for v in self.section_headings]

        self._normalize_inlined_as_list(slot_name="notes", slot_type=ExtractionNote, key_name="note_kind", keyed=False)

        self._normalize_inlined_as_list(slot_name="cell_sources", slot_type=CellSource, key_name="cell_path", keyed=False)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class CellSource(YAMLRoot):
    """
    Where one cell the extractor read stands in the source (see PlaceKindEnum).
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["CellSource"]
    class_class_curie: ClassVar[str] = "gaischema:CellSource"
    class_name: ClassVar[str] = "CellSource"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.CellSource

    cell_path: str = None
    place_kind: Union[str, "PlaceKindEnum"] = None
    place_page: Optional[int] = None
    place_bbox: Optional[Union[float, list[float]]] = empty_list()
    place_table: Optional[int] = None
    place_row: Optional[int] = None
    place_col: Optional[int] = None
    place_sheet: Optional[str] = None
    place_cell: Optional[str] = None
    place_line: Optional[int] = None
    place_paragraph: Optional[int] = None
    place_start: Optional[int] = None
    place_end: Optional[int] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.cell_path):
            self.MissingRequiredField("cell_path")
        if not isinstance(self.cell_path, str):
            self.cell_path = str(self.cell_path)

        if self._is_empty(self.place_kind):
            self.MissingRequiredField("place_kind")
        if not isinstance(self.place_kind, PlaceKindEnum):
            self.place_kind = PlaceKindEnum(self.place_kind)

        if self.place_page is not None and not isinstance(self.place_page, int):
            self.place_page = int(self.place_page)

        if not isinstance(self.place_bbox, list):
            self.place_bbox = [self.place_bbox] if self.place_bbox is not None else []
        self.place_bbox = [v if isinstance(v, float) else float(v) for v in self.place_bbox]

        if self.place_table is not None and not isinstance(self.place_table, int):
            self.place_table = int(self.place_table)

        if self.place_row is not None and not isinstance(self.place_row, int):
            self.place_row = int(self.place_row)

        if self.place_col is not None and not isinstance(self.place_col, int):
            self.place_col = int(self.place_col)

        if self.place_sheet is not None and not isinstance(self.place_sheet, str):
            self.place_sheet = str(self.place_sheet)

        if self.place_cell is not None and not isinstance(self.place_cell, str):
            self.place_cell = str(self.place_cell)

        if self.place_line is not None and not isinstance(self.place_line, int):
            self.place_line = int(self.place_line)

        if self.place_paragraph is not None and not isinstance(self.place_paragraph, int):
            self.place_paragraph = int(self.place_paragraph)

        if self.place_start is not None and not isinstance(self.place_start, int):
            self.place_start = int(self.place_start)

        if self.place_end is not None and not isinstance(self.place_end, int):
            self.place_end = int(self.place_end)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ExtractionNote(YAMLRoot):
    """
    One thing the extractor says about a cell, row or field of the instance.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ExtractionNote"]
    class_class_curie: ClassVar[str] = "gaischema:ExtractionNote"
    class_name: ClassVar[str] = "ExtractionNote"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ExtractionNote

    note_kind: Union[str, "ExtractionNoteKindEnum"] = None
    note_path: Optional[str] = None
    note_message: Optional[str] = None
    note_raw: Optional[str] = None
    note_candidates: Optional[Union[str, list[str]]] = empty_list()
    note_confidence: Optional[float] = None
    note_rule: Optional[str] = None
    note_readings: Optional[int] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.note_kind):
            self.MissingRequiredField("note_kind")
        if not isinstance(self.note_kind, ExtractionNoteKindEnum):
            self.note_kind = ExtractionNoteKindEnum(self.note_kind)

        if self.note_path is not None and not isinstance(self.note_path, str):
            self.note_path = str(self.note_path)

        if self.note_message is not None and not isinstance(self.note_message, str):
            self.note_message = str(self.note_message)

        if self.note_raw is not None and not isinstance(self.note_raw, str):
            self.note_raw = str(self.note_raw)

        if not isinstance(self.note_candidates, list):
            self.note_candidates = [self.note_candidates] if self.note_candidates is not None else []
        self.note_candidates = [v if isinstance(v, str) else str(v) for v in self.note_candidates]

        if self.note_confidence is not None and not isinstance(self.note_confidence, float):
            self.note_confidence = float(self.note_confidence)

        if self.note_rule is not None and not isinstance(self.note_rule, str):
            self.note_rule = str(self.note_rule)

        if self.note_readings is not None and not isinstance(self.note_readings, int):
            self.note_readings = int(self.note_readings)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class StatisticalPeriod(YAMLRoot):
    """
    The period that the figures of a report cover.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["StatisticalPeriod"]
    class_class_curie: ClassVar[str] = "gaischema:StatisticalPeriod"
    class_name: ClassVar[str] = "StatisticalPeriod"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.StatisticalPeriod

    start_date: Optional[Union[str, XSDDate]] = None
    end_date: Optional[Union[str, XSDDate]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.start_date is not None and not isinstance(self.start_date, XSDDate):
            self.start_date = XSDDate(self.start_date)

        if self.end_date is not None and not isinstance(self.end_date, XSDDate):
            self.end_date = XSDDate(self.end_date)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ProactiveDisclosure(YAMLRoot):
    """
    Table 二 of the 2021 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ProactiveDisclosure"]
    class_class_curie: ClassVar[str] = "gaischema:ProactiveDisclosure"
    class_name: ClassVar[str] = "ProactiveDisclosure"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ProactiveDisclosure

    regulations: Optional[Union[dict, "DocumentCounts"]] = None
    normative_documents: Optional[Union[dict, "DocumentCounts"]] = None
    licensing: Optional[Union[dict, "DecisionCount"]] = None
    penalty: Optional[Union[dict, "DecisionCount"]] = None
    coercion: Optional[Union[dict, "DecisionCount"]] = None
    fees: Optional[Union[dict, "FeeAmount"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.regulations is not None and not isinstance(self.regulations, DocumentCounts):
            self.regulations = DocumentCounts(**as_dict(self.regulations))

        if self.normative_documents is not None and not isinstance(self.normative_documents, DocumentCounts):
            self.normative_documents = DocumentCounts(**as_dict(self.normative_documents))

        if self.licensing is not None and not isinstance(self.licensing, DecisionCount):
            self.licensing = DecisionCount(**as_dict(self.licensing))

        if self.penalty is not None and not isinstance(self.penalty, DecisionCount):
            self.penalty = DecisionCount(**as_dict(self.penalty))

        if self.coercion is not None and not isinstance(self.coercion, DecisionCount):
            self.coercion = DecisionCount(**as_dict(self.coercion))

        if self.fees is not None and not isinstance(self.fees, FeeAmount):
            self.fees = FeeAmount(**as_dict(self.fees))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ProactiveDisclosure2019(YAMLRoot):
    """
    Table 二 of the 2019 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ProactiveDisclosure2019"]
    class_class_curie: ClassVar[str] = "gaischema:ProactiveDisclosure2019"
    class_name: ClassVar[str] = "ProactiveDisclosure2019"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ProactiveDisclosure2019

    regulations: Optional[Union[dict, "DocumentCounts2019"]] = None
    normative_documents: Optional[Union[dict, "DocumentCounts2019"]] = None
    licensing: Optional[Union[dict, "ItemCounts2019"]] = None
    other_services: Optional[Union[dict, "ItemCounts2019"]] = None
    penalty: Optional[Union[dict, "ItemCounts2019"]] = None
    coercion: Optional[Union[dict, "ItemCounts2019"]] = None
    fees: Optional[Union[dict, "FeeItems2019"]] = None
    procurement: Optional[Union[dict, "Procurement2019"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.regulations is not None and not isinstance(self.regulations, DocumentCounts2019):
            self.regulations = DocumentCounts2019(**as_dict(self.regulations))

        if self.normative_documents is not None and not isinstance(self.normative_documents, DocumentCounts2019):
            self.normative_documents = DocumentCounts2019(**as_dict(self.normative_documents))

        if self.licensing is not None and not isinstance(self.licensing, ItemCounts2019):
            self.licensing = ItemCounts2019(**as_dict(self.licensing))

        if self.other_services is not None and not isinstance(self.other_services, ItemCounts2019):
            self.other_services = ItemCounts2019(**as_dict(self.other_services))

        if self.penalty is not None and not isinstance(self.penalty, ItemCounts2019):
            self.penalty = ItemCounts2019(**as_dict(self.penalty))

        if self.coercion is not None and not isinstance(self.coercion, ItemCounts2019):
            self.coercion = ItemCounts2019(**as_dict(self.coercion))

        if self.fees is not None and not isinstance(self.fees, FeeItems2019):
            self.fees = FeeItems2019(**as_dict(self.fees))

        if self.procurement is not None and not isinstance(self.procurement, Procurement2019):
            self.procurement = Procurement2019(**as_dict(self.procurement))

        super().__post_init__(**kwargs)


class DocumentRow(YAMLRoot):
    """
    A row of 第二十条第（一）项; its columns depend on the format version.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["DocumentRow"]
    class_class_curie: ClassVar[str] = "gaischema:DocumentRow"
    class_name: ClassVar[str] = "DocumentRow"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.DocumentRow


@dataclass(repr=False)
class DocumentCounts(DocumentRow):
    """
    The three columns of 第二十条第（一）项 in the 2021 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["DocumentCounts"]
    class_class_curie: ClassVar[str] = "gaischema:DocumentCounts"
    class_name: ClassVar[str] = "DocumentCounts"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.DocumentCounts

    issued: Union[int, Count] = None
    repealed: Union[int, Count] = None
    in_force: Union[int, Count] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.issued):
            self.MissingRequiredField("issued")
        if not isinstance(self.issued, Count):
            self.issued = Count(self.issued)

        if self._is_empty(self.repealed):
            self.MissingRequiredField("repealed")
        if not isinstance(self.repealed, Count):
            self.repealed = Count(self.repealed)

        if self._is_empty(self.in_force):
            self.MissingRequiredField("in_force")
        if not isinstance(self.in_force, Count):
            self.in_force = Count(self.in_force)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class DocumentCounts2019(DocumentRow):
    """
    The three columns of 第二十条第（一）项 in the 2019 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["DocumentCounts2019"]
    class_class_curie: ClassVar[str] = "gaischema:DocumentCounts2019"
    class_name: ClassVar[str] = "DocumentCounts2019"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.DocumentCounts2019

    newly_made: Union[int, Count] = None
    newly_published: Union[int, Count] = None
    total_published: Union[int, Count] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.newly_made):
            self.MissingRequiredField("newly_made")
        if not isinstance(self.newly_made, Count):
            self.newly_made = Count(self.newly_made)

        if self._is_empty(self.newly_published):
            self.MissingRequiredField("newly_published")
        if not isinstance(self.newly_published, Count):
            self.newly_published = Count(self.newly_published)

        if self._is_empty(self.total_published):
            self.MissingRequiredField("total_published")
        if not isinstance(self.total_published, Count):
            self.total_published = Count(self.total_published)

        super().__post_init__(**kwargs)


class ItemRow(YAMLRoot):
    """
    A row of 第二十条第（五）（六）项; its columns depend on the format version.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ItemRow"]
    class_class_curie: ClassVar[str] = "gaischema:ItemRow"
    class_name: ClassVar[str] = "ItemRow"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ItemRow


@dataclass(repr=False)
class DecisionCount(ItemRow):
    """
    The single column of 第二十条第（五）（六）项 in the 2021 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["DecisionCount"]
    class_class_curie: ClassVar[str] = "gaischema:DecisionCount"
    class_name: ClassVar[str] = "DecisionCount"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.DecisionCount

    decisions: Union[int, Count] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.decisions):
            self.MissingRequiredField("decisions")
        if not isinstance(self.decisions, Count):
            self.decisions = Count(self.decisions)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ItemCounts2019(ItemRow):
    """
    The three columns of 第二十条第（五）（六）项 in the 2019 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ItemCounts2019"]
    class_class_curie: ClassVar[str] = "gaischema:ItemCounts2019"
    class_name: ClassVar[str] = "ItemCounts2019"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ItemCounts2019

    previous_items: Union[int, Count] = None
    change: Union[int, SignedCount] = None
    decisions: Union[int, Count] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.previous_items):
            self.MissingRequiredField("previous_items")
        if not isinstance(self.previous_items, Count):
            self.previous_items = Count(self.previous_items)

        if self._is_empty(self.change):
            self.MissingRequiredField("change")
        if not isinstance(self.change, SignedCount):
            self.change = SignedCount(self.change)

        if self._is_empty(self.decisions):
            self.MissingRequiredField("decisions")
        if not isinstance(self.decisions, Count):
            self.decisions = Count(self.decisions)

        super().__post_init__(**kwargs)


class FeeRow(YAMLRoot):
    """
    The row of 第二十条第（八）项; its columns depend on the format version.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["FeeRow"]
    class_class_curie: ClassVar[str] = "gaischema:FeeRow"
    class_name: ClassVar[str] = "FeeRow"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.FeeRow


@dataclass(repr=False)
class FeeAmount(FeeRow):
    """
    The single column of 第二十条第（八）项 in the 2021 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["FeeAmount"]
    class_class_curie: ClassVar[str] = "gaischema:FeeAmount"
    class_name: ClassVar[str] = "FeeAmount"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.FeeAmount

    fee_amount: Union[Decimal, Amount] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.fee_amount):
            self.MissingRequiredField("fee_amount")
        if not isinstance(self.fee_amount, Amount):
            self.fee_amount = Amount(self.fee_amount)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class FeeItems2019(FeeRow):
    """
    The two columns of 第二十条第（八）项 in the 2019 format.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["FeeItems2019"]
    class_class_curie: ClassVar[str] = "gaischema:FeeItems2019"
    class_name: ClassVar[str] = "FeeItems2019"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.FeeItems2019

    previous_items: Union[int, Count] = None
    change: Union[int, SignedCount] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.previous_items):
            self.MissingRequiredField("previous_items")
        if not isinstance(self.previous_items, Count):
            self.previous_items = Count(self.previous_items)

        if self._is_empty(self.change):
            self.MissingRequiredField("change")
        if not isinstance(self.change, SignedCount):
            self.change = SignedCount(self.change)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class Procurement2019(YAMLRoot):
    """
    The two columns of 第二十条第（九）项, 2019 format only.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["Procurement2019"]
    class_class_curie: ClassVar[str] = "gaischema:Procurement2019"
    class_name: ClassVar[str] = "Procurement2019"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.Procurement2019

    procurement_items: Union[int, Count] = None
    procurement_amount: Union[Decimal, Amount] = None
    procurement_amount_unit: Optional[str] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.procurement_items):
            self.MissingRequiredField("procurement_items")
        if not isinstance(self.procurement_items, Count):
            self.procurement_items = Count(self.procurement_items)

        if self._is_empty(self.procurement_amount):
            self.MissingRequiredField("procurement_amount")
        if not isinstance(self.procurement_amount, Amount):
            self.procurement_amount = Amount(self.procurement_amount)

        if self.procurement_amount_unit is not None and not isinstance(self.procurement_amount_unit, str):
            self.procurement_amount_unit = str(self.procurement_amount_unit)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ApplicationStatistics(YAMLRoot):
    """
    Table 三. Its rows are slots; its seven applicant columns are the slots of ApplicantCounts.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ApplicationStatistics"]
    class_class_curie: ClassVar[str] = "gaischema:ApplicationStatistics"
    class_name: ClassVar[str] = "ApplicationStatistics"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ApplicationStatistics

    new_applications: Optional[Union[dict, "ApplicantCounts"]] = None
    carried_over: Optional[Union[dict, "ApplicantCounts"]] = None
    results: Optional[Union[dict, "HandlingResults"]] = None
    carried_forward: Optional[Union[dict, "ApplicantCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.new_applications is not None and not isinstance(self.new_applications, ApplicantCounts):
            self.new_applications = ApplicantCounts(**as_dict(self.new_applications))

        if self.carried_over is not None and not isinstance(self.carried_over, ApplicantCounts):
            self.carried_over = ApplicantCounts(**as_dict(self.carried_over))

        if self.results is not None and not isinstance(self.results, HandlingResults):
            self.results = HandlingResults(**as_dict(self.results))

        if self.carried_forward is not None and not isinstance(self.carried_forward, ApplicantCounts):
            self.carried_forward = ApplicantCounts(**as_dict(self.carried_forward))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class HandlingResults(YAMLRoot):
    """
    Row group 三 of table 三, keyed by HandlingOutcomeEnum, with the results total （七）. In the 2021 format （六）其他处理 has
    three reasons (other_handling); in the 2019 format it is one row (other_handling_2019).
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["HandlingResults"]
    class_class_curie: ClassVar[str] = "gaischema:HandlingResults"
    class_name: ClassVar[str] = "HandlingResults"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.HandlingResults

    granted: Optional[Union[dict, "ApplicantCounts"]] = None
    partially_granted: Optional[Union[dict, "ApplicantCounts"]] = None
    denied: Optional[Union[dict, "DenialReasons"]] = None
    unable: Optional[Union[dict, "UnableReasons"]] = None
    not_processed: Optional[Union[dict, "NotProcessedReasons"]] = None
    other_handling: Optional[Union[dict, "OtherHandlingReasons"]] = None
    other_handling_2019: Optional[Union[dict, "ApplicantCounts"]] = None
    results_total: Optional[Union[dict, "ApplicantCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.granted is not None and not isinstance(self.granted, ApplicantCounts):
            self.granted = ApplicantCounts(**as_dict(self.granted))

        if self.partially_granted is not None and not isinstance(self.partially_granted, ApplicantCounts):
            self.partially_granted = ApplicantCounts(**as_dict(self.partially_granted))

        if self.denied is not None and not isinstance(self.denied, DenialReasons):
            self.denied = DenialReasons(**as_dict(self.denied))

        if self.unable is not None and not isinstance(self.unable, UnableReasons):
            self.unable = UnableReasons(**as_dict(self.unable))

        if self.not_processed is not None and not isinstance(self.not_processed, NotProcessedReasons):
            self.not_processed = NotProcessedReasons(**as_dict(self.not_processed))

        if self.other_handling is not None and not isinstance(self.other_handling, OtherHandlingReasons):
            self.other_handling = OtherHandlingReasons(**as_dict(self.other_handling))

        if self.other_handling_2019 is not None and not isinstance(self.other_handling_2019, ApplicantCounts):
            self.other_handling_2019 = ApplicantCounts(**as_dict(self.other_handling_2019))

        if self.results_total is not None and not isinstance(self.results_total, ApplicantCounts):
            self.results_total = ApplicantCounts(**as_dict(self.results_total))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class DenialReasons(YAMLRoot):
    """
    Row group 三（三） of table 三, keyed by DenialReasonEnum.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["DenialReasons"]
    class_class_curie: ClassVar[str] = "gaischema:DenialReasons"
    class_name: ClassVar[str] = "DenialReasons"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.DenialReasons

    state_secret: Optional[Union[dict, "ApplicantCounts"]] = None
    prohibited_by_law: Optional[Union[dict, "ApplicantCounts"]] = None
    security_stability: Optional[Union[dict, "ApplicantCounts"]] = None
    third_party_rights: Optional[Union[dict, "ApplicantCounts"]] = None
    internal_affairs: Optional[Union[dict, "ApplicantCounts"]] = None
    process_information: Optional[Union[dict, "ApplicantCounts"]] = None
    enforcement_files: Optional[Union[dict, "ApplicantCounts"]] = None
    administrative_query: Optional[Union[dict, "ApplicantCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.state_secret is not None and not isinstance(self.state_secret, ApplicantCounts):
            self.state_secret = ApplicantCounts(**as_dict(self.state_secret))

        if self.prohibited_by_law is not None and not isinstance(self.prohibited_by_law, ApplicantCounts):
            self.prohibited_by_law = ApplicantCounts(**as_dict(self.prohibited_by_law))

        if self.security_stability is not None and not isinstance(self.security_stability, ApplicantCounts):
            self.security_stability = ApplicantCounts(**as_dict(self.security_stability))

        if self.third_party_rights is not None and not isinstance(self.third_party_rights, ApplicantCounts):
            self.third_party_rights = ApplicantCounts(**as_dict(self.third_party_rights))

        if self.internal_affairs is not None and not isinstance(self.internal_affairs, ApplicantCounts):
            self.internal_affairs = ApplicantCounts(**as_dict(self.internal_affairs))

        if self.process_information is not None and not isinstance(self.process_information, ApplicantCounts):
            self.process_information = ApplicantCounts(**as_dict(self.process_information))

        if self.enforcement_files is not None and not isinstance(self.enforcement_files, ApplicantCounts):
            self.enforcement_files = ApplicantCounts(**as_dict(self.enforcement_files))

        if self.administrative_query is not None and not isinstance(self.administrative_query, ApplicantCounts):
            self.administrative_query = ApplicantCounts(**as_dict(self.administrative_query))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class UnableReasons(YAMLRoot):
    """
    Row group 三（四） of table 三, keyed by UnableReasonEnum.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["UnableReasons"]
    class_class_curie: ClassVar[str] = "gaischema:UnableReasons"
    class_name: ClassVar[str] = "UnableReasons"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.UnableReasons

    not_held: Optional[Union[dict, "ApplicantCounts"]] = None
    needs_creation: Optional[Union[dict, "ApplicantCounts"]] = None
    still_unclear: Optional[Union[dict, "ApplicantCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.not_held is not None and not isinstance(self.not_held, ApplicantCounts):
            self.not_held = ApplicantCounts(**as_dict(self.not_held))

        if self.needs_creation is not None and not isinstance(self.needs_creation, ApplicantCounts):
            self.needs_creation = ApplicantCounts(**as_dict(self.needs_creation))

        if self.still_unclear is not None and not isinstance(self.still_unclear, ApplicantCounts):
            self.still_unclear = ApplicantCounts(**as_dict(self.still_unclear))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class NotProcessedReasons(YAMLRoot):
    """
    Row group 三（五） of table 三, keyed by NotProcessedReasonEnum.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["NotProcessedReasons"]
    class_class_curie: ClassVar[str] = "gaischema:NotProcessedReasons"
    class_name: ClassVar[str] = "NotProcessedReasons"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.NotProcessedReasons

    petition_complaint: Optional[Union[dict, "ApplicantCounts"]] = None
    repeated: Optional[Union[dict, "ApplicantCounts"]] = None
    publication: Optional[Union[dict, "ApplicantCounts"]] = None
    excessive: Optional[Union[dict, "ApplicantCounts"]] = None
    confirmation: Optional[Union[dict, "ApplicantCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.petition_complaint is not None and not isinstance(self.petition_complaint, ApplicantCounts):
            self.petition_complaint = ApplicantCounts(**as_dict(self.petition_complaint))

        if self.repeated is not None and not isinstance(self.repeated, ApplicantCounts):
            self.repeated = ApplicantCounts(**as_dict(self.repeated))

        if self.publication is not None and not isinstance(self.publication, ApplicantCounts):
            self.publication = ApplicantCounts(**as_dict(self.publication))

        if self.excessive is not None and not isinstance(self.excessive, ApplicantCounts):
            self.excessive = ApplicantCounts(**as_dict(self.excessive))

        if self.confirmation is not None and not isinstance(self.confirmation, ApplicantCounts):
            self.confirmation = ApplicantCounts(**as_dict(self.confirmation))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class OtherHandlingReasons(YAMLRoot):
    """
    Row group 三（六） of table 三 in the 2021 format, keyed by OtherHandlingReasonEnum.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["OtherHandlingReasons"]
    class_class_curie: ClassVar[str] = "gaischema:OtherHandlingReasons"
    class_name: ClassVar[str] = "OtherHandlingReasons"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.OtherHandlingReasons

    no_correction: Optional[Union[dict, "ApplicantCounts"]] = None
    fee_unpaid: Optional[Union[dict, "ApplicantCounts"]] = None
    other_reason: Optional[Union[dict, "ApplicantCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.no_correction is not None and not isinstance(self.no_correction, ApplicantCounts):
            self.no_correction = ApplicantCounts(**as_dict(self.no_correction))

        if self.fee_unpaid is not None and not isinstance(self.fee_unpaid, ApplicantCounts):
            self.fee_unpaid = ApplicantCounts(**as_dict(self.fee_unpaid))

        if self.other_reason is not None and not isinstance(self.other_reason, ApplicantCounts):
            self.other_reason = ApplicantCounts(**as_dict(self.other_reason))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ApplicantCounts(YAMLRoot):
    """
    One row of table 三 - seven numbers, one per applicant column (ApplicantColumnEnum).
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ApplicantCounts"]
    class_class_curie: ClassVar[str] = "gaischema:ApplicantCounts"
    class_name: ClassVar[str] = "ApplicantCounts"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ApplicantCounts

    natural_person: Union[int, Count] = None
    commercial_enterprise: Union[int, Count] = None
    research_institution: Union[int, Count] = None
    social_welfare_org: Union[int, Count] = None
    legal_service_org: Union[int, Count] = None
    other_org: Union[int, Count] = None
    total: Union[int, Count] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.natural_person):
            self.MissingRequiredField("natural_person")
        if not isinstance(self.natural_person, Count):
            self.natural_person = Count(self.natural_person)

        if self._is_empty(self.commercial_enterprise):
            self.MissingRequiredField("commercial_enterprise")
        if not isinstance(self.commercial_enterprise, Count):
            self.commercial_enterprise = Count(self.commercial_enterprise)

        if self._is_empty(self.research_institution):
            self.MissingRequiredField("research_institution")
        if not isinstance(self.research_institution, Count):
            self.research_institution = Count(self.research_institution)

        if self._is_empty(self.social_welfare_org):
            self.MissingRequiredField("social_welfare_org")
        if not isinstance(self.social_welfare_org, Count):
            self.social_welfare_org = Count(self.social_welfare_org)

        if self._is_empty(self.legal_service_org):
            self.MissingRequiredField("legal_service_org")
        if not isinstance(self.legal_service_org, Count):
            self.legal_service_org = Count(self.legal_service_org)

        if self._is_empty(self.other_org):
            self.MissingRequiredField("other_org")
        if not isinstance(self.other_org, Count):
            self.other_org = Count(self.other_org)

        if self._is_empty(self.total):
            self.MissingRequiredField("total")
        if not isinstance(self.total, Count):
            self.total = Count(self.total)

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class ReviewsAndLitigation(YAMLRoot):
    """
    Table 四 - three groups (CaseGroupEnum) of five columns (CaseColumnEnum).
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["ReviewsAndLitigation"]
    class_class_curie: ClassVar[str] = "gaischema:ReviewsAndLitigation"
    class_name: ClassVar[str] = "ReviewsAndLitigation"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.ReviewsAndLitigation

    administrative_review: Optional[Union[dict, "CaseCounts"]] = None
    litigation_direct: Optional[Union[dict, "CaseCounts"]] = None
    litigation_after_review: Optional[Union[dict, "CaseCounts"]] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self.administrative_review is not None and not isinstance(self.administrative_review, CaseCounts):
            self.administrative_review = CaseCounts(**as_dict(self.administrative_review))

        if self.litigation_direct is not None and not isinstance(self.litigation_direct, CaseCounts):
            self.litigation_direct = CaseCounts(**as_dict(self.litigation_direct))

        if self.litigation_after_review is not None and not isinstance(self.litigation_after_review, CaseCounts):
            self.litigation_after_review = CaseCounts(**as_dict(self.litigation_after_review))

        super().__post_init__(**kwargs)


@dataclass(repr=False)
class CaseCounts(YAMLRoot):
    """
    One group of table 四 - four results and their total.
    """
    _inherited_slots: ClassVar[list[str]] = []

    class_class_uri: ClassVar[URIRef] = GAISCHEMA["CaseCounts"]
    class_class_curie: ClassVar[str] = "gaischema:CaseCounts"
    class_name: ClassVar[str] = "CaseCounts"
    class_model_uri: ClassVar[URIRef] = GAISCHEMA.CaseCounts

    upheld: Union[int, Count] = None
    corrected: Union[int, Count] = None
    other_result: Union[int, Count] = None
    pending: Union[int, Count] = None
    total: Union[int, Count] = None

    def __post_init__(self, *_: str, **kwargs: Any):
        if self._is_empty(self.upheld):
            self.MissingRequiredField("upheld")
        if not isinstance(self.upheld, Count):
            self.upheld = Count(self.upheld)

        if self._is_empty(self.corrected):
            self.MissingRequiredField("corrected")
        if not isinstance(self.corrected, Count):
            self.corrected = Count(self.corrected)

        if self._is_empty(self.other_result):
            self.MissingRequiredField("other_result")
        if not isinstance(self.other_result, Count):
            self.other_result = Count(self.other_result)

        if self._is_empty(self.pending):
            self.MissingRequiredField("pending")
        if not isinstance(self.pending, Count):
            self.pending = Count(self.pending)

        if self._is_empty(self.total):
            self.MissingRequiredField("total")
        if not isinstance(self.total, Count):
            self.total = Count(self.total)

        super().__post_init__(**kwargs)


# Enumerations
class FormatVersionEnum(EnumDefinitionImpl):
    """
    The version of the national format that a report follows.
    """
    v2019 = PermissibleValue(
        text="v2019",
        title="2019年版（试行）",
        description="""The 2019 trial format, issued with 国办公开办函〔2019〕60号; for report years 2019 and 2020. Table 二 has other columns and an item （九）政府集中采购; table 三 （六）其他处理 is a single row.""",
        meaning=GAISCHEMA["format/2019"])
    v2021 = PermissibleValue(
        text="v2021",
        title="2021年版",
        description="The current format, issued with 国办公开办函〔2021〕30号 (2021-09-26); for report years 2021 onward.",
        meaning=GAISCHEMA["format/2021"])

    _defn = EnumDefinition(
        name="FormatVersionEnum",
        description="The version of the national format that a report follows.",
    )

class OrganKindEnum(EnumDefinitionImpl):
    """
    The kind of publishing organ, which decides the publication deadline of 条例第四十九条. The deadline annotation is the
    month and day of the year after the report year.
    """
    people_government = PermissibleValue(
        text="people_government",
        title="人民政府",
        description="A people's government (县级以上地方各级人民政府); its report is due by 31 March of the next year.",
        meaning=GAISCHEMA["organ_kind/people_government"])
    government_department = PermissibleValue(
        text="government_department",
        title="政府部门",
        description="""A department of a people's government (县级以上人民政府部门); its report is due by 31 January of the next year.""",
        meaning=GAISCHEMA["organ_kind/government_department"])

    _defn = EnumDefinition(
        name="OrganKindEnum",
        description="""The kind of publishing organ, which decides the publication deadline of 条例第四十九条. The deadline annotation is the month and day of the year after the report year.""",
    )

class OrganLevelEnum(EnumDefinitionImpl):
    """
    The level of government an organ belongs to, in an organ roster (OrganRecord): 省 (province and municipality
    directly under the central government), 市 (prefecture-level city, autonomous prefecture), 县 (county, county-level
    city, district), 乡 (township, town, sub-district).
    """
    province = PermissibleValue(
        text="province",
        title="省",
        description="Province, autonomous region, municipality directly under the central government.",
        meaning=GAISCHEMA["organ_level/province"])
    city = PermissibleValue(
        text="city",
        title="市",
        description="Prefecture-level city, autonomous prefecture, league.",
        meaning=GAISCHEMA["organ_level/city"])
    county = PermissibleValue(
        text="county",
        title="县",
        description="County, county-level city, urban district, banner.",
        meaning=GAISCHEMA["organ_level/county"])
    township = PermissibleValue(
        text="township",
        title="乡",
        description="Township, town, sub-district (街道).",
        meaning=GAISCHEMA["organ_level/township"])

    _defn = EnumDefinition(
        name="OrganLevelEnum",
        description="""The level of government an organ belongs to, in an organ roster (OrganRecord): 省 (province and municipality directly under the central government), 市 (prefecture-level city, autonomous prefecture), 县 (county, county-level city, district), 乡 (township, town, sub-district).""",
    )

class RosterKindEnum(EnumDefinitionImpl):
    """
    What an organ on a roster (OrganRecord) is.
    """
    government = PermissibleValue(
        text="government",
        title="人民政府",
        description="A people's government; a place's own name (平潭综合实验区, 北仑区) stands for it.",
        meaning=GAISCHEMA["roster_kind/government"])
    department = PermissibleValue(
        text="department",
        title="部门",
        description="A department or office of a people's government (局, 委员会, 办公室 …).",
        meaning=GAISCHEMA["roster_kind/department"])
    zone = PermissibleValue(
        text="zone",
        title="片区",
        description="""An area governed by a 管理委员会 (综合实验区, 开发区, 新区, 片区) rather than a people's government; its 管理委员会 (管委会) publishes as its government does.""",
        meaning=GAISCHEMA["roster_kind/zone"])

    _defn = EnumDefinition(
        name="RosterKindEnum",
        description="What an organ on a roster (OrganRecord) is.",
    )

class ApplicantColumnEnum(EnumDefinitionImpl):
    """
    The seven applicant columns of table 三. They key the slots of ApplicantCounts, the column of every table 三 cell in
    exports and messages, and the per-column rules (for_each). The five kinds of 法人或其他组织 have no subtotal column.
    """
    natural_person = PermissibleValue(
        text="natural_person",
        title="自然人",
        description="Natural persons (individuals).",
        meaning=GAISCHEMA["applicant/natural_person"])
    commercial_enterprise = PermissibleValue(
        text="commercial_enterprise",
        title="商业企业",
        description="Legal persons or other organisations - commercial enterprises.",
        meaning=GAISCHEMA["applicant/commercial_enterprise"])
    research_institution = PermissibleValue(
        text="research_institution",
        title="科研机构",
        description="Legal persons or other organisations - research institutions.",
        meaning=GAISCHEMA["applicant/research_institution"])
    social_welfare_org = PermissibleValue(
        text="social_welfare_org",
        title="社会公益组织",
        description="Legal persons or other organisations - social public-welfare organisations.",
        meaning=GAISCHEMA["applicant/social_welfare_org"])
    legal_service_org = PermissibleValue(
        text="legal_service_org",
        title="法律服务机构",
        description="Legal persons or other organisations - legal service institutions.",
        meaning=GAISCHEMA["applicant/legal_service_org"])
    other_org = PermissibleValue(
        text="other_org",
        title="其他",
        description="Legal persons or other organisations - others.",
        meaning=GAISCHEMA["applicant/other_org"])
    total = PermissibleValue(
        text="total",
        title="总计",
        description="The total over all applicants.",
        meaning=GAISCHEMA["applicant/total"])

    _defn = EnumDefinition(
        name="ApplicantColumnEnum",
        description="""The seven applicant columns of table 三. They key the slots of ApplicantCounts, the column of every table 三 cell in exports and messages, and the per-column rules (for_each). The five kinds of 法人或其他组织 have no subtotal column.""",
    )

class HandlingOutcomeEnum(EnumDefinitionImpl):
    """
    The six categories of handling outcome of table 三 三、本年度办理结果. They key the slots of HandlingResults and give the
    outcome of every result cell in exports.
    """
    granted = PermissibleValue(
        text="granted",
        title="（一）予以公开",
        description="Information disclosed in full.",
        meaning=GAISCHEMA["outcome/granted"])
    partially_granted = PermissibleValue(
        text="partially_granted",
        title="（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        description="Information disclosed in part after separating what may not be disclosed; counted only here.",
        meaning=GAISCHEMA["outcome/partially_granted"])
    denied = PermissibleValue(
        text="denied",
        title="（三）不予公开",
        description="Disclosure refused, for one of eight reasons (DenialReasonEnum).",
        meaning=GAISCHEMA["outcome/denied"])
    unable = PermissibleValue(
        text="unable",
        title="（四）无法提供",
        description="The information cannot be provided, for one of three reasons (UnableReasonEnum).",
        meaning=GAISCHEMA["outcome/unable"])
    not_processed = PermissibleValue(
        text="not_processed",
        title="（五）不予处理",
        description="The application is not processed, for one of five reasons (NotProcessedReasonEnum).",
        meaning=GAISCHEMA["outcome/not_processed"])
    other_handling = PermissibleValue(
        text="other_handling",
        title="（六）其他处理",
        description="Other handling; three reasons in the 2021 format (OtherHandlingReasonEnum), one row in 2019.",
        meaning=GAISCHEMA["outcome/other_handling"])

    _defn = EnumDefinition(
        name="HandlingOutcomeEnum",
        description="""The six categories of handling outcome of table 三 三、本年度办理结果. They key the slots of HandlingResults and give the outcome of every result cell in exports.""",
    )

class DenialReasonEnum(EnumDefinitionImpl):
    """
    The eight reasons of table 三 （三）不予公开. They key the slots of DenialReasons.
    """
    state_secret = PermissibleValue(
        text="state_secret",
        title="1.属于国家秘密",
        description="The information is a state secret.",
        meaning=GAISCHEMA["denial/state_secret"])
    prohibited_by_law = PermissibleValue(
        text="prohibited_by_law",
        title="2.其他法律行政法规禁止公开",
        description="Disclosure is prohibited by other laws or administrative regulations.",
        meaning=GAISCHEMA["denial/prohibited_by_law"])
    security_stability = PermissibleValue(
        text="security_stability",
        title="3.危及“三安全一稳定”",
        description="""Disclosure would endanger national security, public security, economic security or social stability.""",
        meaning=GAISCHEMA["denial/security_stability"])
    third_party_rights = PermissibleValue(
        text="third_party_rights",
        title="4.保护第三方合法权益",
        description="""Refused to protect the lawful rights and interests of a third party (trade secrets, personal privacy).""",
        meaning=GAISCHEMA["denial/third_party_rights"])
    internal_affairs = PermissibleValue(
        text="internal_affairs",
        title="5.属于三类内部事务信息",
        description="Internal affairs information (personnel, logistics, internal workflow).",
        meaning=GAISCHEMA["denial/internal_affairs"])
    process_information = PermissibleValue(
        text="process_information",
        title="6.属于四类过程性信息",
        description="Process information (discussion records, drafts, consultation letters, requests and reports).",
        meaning=GAISCHEMA["denial/process_information"])
    enforcement_files = PermissibleValue(
        text="enforcement_files",
        title="7.属于行政执法案卷",
        description="Administrative law-enforcement case files.",
        meaning=GAISCHEMA["denial/enforcement_files"])
    administrative_query = PermissibleValue(
        text="administrative_query",
        title="8.属于行政查询事项",
        description="""Matters of administrative query governed by special access rules (e.g. business or real-estate registers).""",
        meaning=GAISCHEMA["denial/administrative_query"])

    _defn = EnumDefinition(
        name="DenialReasonEnum",
        description="The eight reasons of table 三 （三）不予公开. They key the slots of DenialReasons.",
    )

class UnableReasonEnum(EnumDefinitionImpl):
    """
    The three reasons of table 三 （四）无法提供. They key the slots of UnableReasons.
    """
    not_held = PermissibleValue(
        text="not_held",
        title="1.本机关不掌握相关政府信息",
        description="The organ does not hold the information.",
        meaning=GAISCHEMA["unable/not_held"])
    needs_creation = PermissibleValue(
        text="needs_creation",
        title="2.没有现成信息需要另行制作",
        description="No existing information; it would have to be created.",
        meaning=GAISCHEMA["unable/needs_creation"])
    still_unclear = PermissibleValue(
        text="still_unclear",
        title="3.补正后申请内容仍不明确",
        description="The request is still unclear after correction.",
        meaning=GAISCHEMA["unable/still_unclear"])

    _defn = EnumDefinition(
        name="UnableReasonEnum",
        description="The three reasons of table 三 （四）无法提供. They key the slots of UnableReasons.",
    )

class NotProcessedReasonEnum(EnumDefinitionImpl):
    """
    The five reasons of table 三 （五）不予处理. They key the slots of NotProcessedReasons.
    """
    petition_complaint = PermissibleValue(
        text="petition_complaint",
        title="1.信访举报投诉类申请",
        description="The application is in substance a petition, report or complaint.",
        meaning=GAISCHEMA["not_processed/petition_complaint"])
    repeated = PermissibleValue(
        text="repeated",
        title="2.重复申请",
        description="A repeated application.",
        meaning=GAISCHEMA["not_processed/repeated"])
    publication = PermissibleValue(
        text="publication",
        title="3.要求提供公开出版物",
        description="The applicant asks for a public publication.",
        meaning=GAISCHEMA["not_processed/publication"])
    excessive = PermissibleValue(
        text="excessive",
        title="4.无正当理由大量反复申请",
        description="Large numbers of repeated applications without a proper reason.",
        meaning=GAISCHEMA["not_processed/excessive"])
    confirmation = PermissibleValue(
        text="confirmation",
        title="5.要求行政机关确认或重新出具已获取信息",
        description="The applicant asks the organ to confirm or re-issue information already obtained.",
        meaning=GAISCHEMA["not_processed/confirmation"])

    _defn = EnumDefinition(
        name="NotProcessedReasonEnum",
        description="The five reasons of table 三 （五）不予处理. They key the slots of NotProcessedReasons.",
    )

class OtherHandlingReasonEnum(EnumDefinitionImpl):
    """
    The three reasons of table 三 （六）其他处理 in the 2021 format. They key the slots of OtherHandlingReasons.
    """
    no_correction = PermissibleValue(
        text="no_correction",
        title="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        description="""The applicant did not correct the application in time without a proper reason; no longer processed.""",
        meaning=GAISCHEMA["other_handling/no_correction"])
    fee_unpaid = PermissibleValue(
        text="fee_unpaid",
        title="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        description="The applicant did not pay the information processing fee in time; no longer processed.",
        meaning=GAISCHEMA["other_handling/fee_unpaid"])
    other_reason = PermissibleValue(
        text="other_reason",
        title="3.其他",
        description="Other handling.",
        meaning=GAISCHEMA["other_handling/other_reason"])

    _defn = EnumDefinition(
        name="OtherHandlingReasonEnum",
        description="The three reasons of table 三 （六）其他处理 in the 2021 format. They key the slots of OtherHandlingReasons.",
    )

class CaseColumnEnum(EnumDefinitionImpl):
    """
    The five result columns of each group of table 四. They key the slots of CaseCounts.
    """
    upheld = PermissibleValue(
        text="upheld",
        title="结果维持",
        description="The decision was upheld.",
        meaning=GAISCHEMA["case/upheld"])
    corrected = PermissibleValue(
        text="corrected",
        title="结果纠正",
        description="The decision was corrected.",
        meaning=GAISCHEMA["case/corrected"])
    other_result = PermissibleValue(
        text="other_result",
        title="其他结果",
        description="Other results (withdrawn, dismissed, ...).",
        meaning=GAISCHEMA["case/other_result"])
    pending = PermissibleValue(
        text="pending",
        title="尚未审结",
        description="Not yet concluded.",
        meaning=GAISCHEMA["case/pending"])
    total = PermissibleValue(
        text="total",
        title="总计",
        description="The total of the four results.",
        meaning=GAISCHEMA["case/total"])

    _defn = EnumDefinition(
        name="CaseColumnEnum",
        description="The five result columns of each group of table 四. They key the slots of CaseCounts.",
    )

class CaseGroupEnum(EnumDefinitionImpl):
    """
    The three groups of table 四. They key the slots of ReviewsAndLitigation.
    """
    administrative_review = PermissibleValue(
        text="administrative_review",
        title="行政复议",
        description="Administrative reconsideration.",
        meaning=GAISCHEMA["case_group/administrative_review"])
    litigation_direct = PermissibleValue(
        text="litigation_direct",
        title="未经复议直接起诉",
        description="Administrative litigation brought directly, without reconsideration.",
        meaning=GAISCHEMA["case_group/litigation_direct"])
    litigation_after_review = PermissibleValue(
        text="litigation_after_review",
        title="复议后起诉",
        description="Administrative litigation brought after reconsideration.",
        meaning=GAISCHEMA["case_group/litigation_after_review"])

    _defn = EnumDefinition(
        name="CaseGroupEnum",
        description="The three groups of table 四. They key the slots of ReviewsAndLitigation.",
    )

class NarrativeSectionEnum(EnumDefinitionImpl):
    """
    The narrative sections of a report; the cross-report rule XR-NARRATIVE-REPEAT runs over them.
    """
    overview = PermissibleValue(
        text="overview",
        title="一、总体情况",
        description="Section 一, the overview.",
        meaning=GAISCHEMA["section/overview"])
    problems_and_improvements = PermissibleValue(
        text="problems_and_improvements",
        title="五、存在的主要问题及改进情况",
        description="Section 五, problems and improvements.",
        meaning=GAISCHEMA["section/problems_and_improvements"])
    other_matters = PermissibleValue(
        text="other_matters",
        title="六、其他需要报告的事项",
        description="Section 六, other matters.",
        meaning=GAISCHEMA["section/other_matters"])

    _defn = EnumDefinition(
        name="NarrativeSectionEnum",
        description="The narrative sections of a report; the cross-report rule XR-NARRATIVE-REPEAT runs over them.",
    )

class DocumentKindEnum(EnumDefinitionImpl):
    """
    The two rows of 第二十条第（一）项; the cross-report rule XR-IN-FORCE runs over them.
    """
    regulations = PermissibleValue(
        text="regulations",
        title="规章",
        description="Rules (规章).",
        meaning=GAISCHEMA["document_kind/regulations"])
    normative_documents = PermissibleValue(
        text="normative_documents",
        title="行政规范性文件",
        description="Administrative normative documents.",
        meaning=GAISCHEMA["document_kind/normative_documents"])

    _defn = EnumDefinition(
        name="DocumentKindEnum",
        description="The two rows of 第二十条第（一）项; the cross-report rule XR-IN-FORCE runs over them.",
    )

class SourceFormatEnum(EnumDefinitionImpl):
    """
    The kind of published file an instance was extracted from.
    """
    txt = PermissibleValue(
        text="txt",
        title="文本",
        description="A plain-text copy of a report (one cell per line, cells separated by spaces, or run together).",
        meaning=GAISCHEMA["source_format/txt"])
    html = PermissibleValue(
        text="html",
        title="网页",
        description="An HTML page.",
        meaning=GAISCHEMA["source_format/html"])
    docx = PermissibleValue(
        text="docx",
        title="Word 文档",
        description="A Word (.docx) file.",
        meaning=GAISCHEMA["source_format/docx"])
    md = PermissibleValue(
        text="md",
        title="Markdown 文本",
        description="A Markdown text (for example the text layer of a PDF converted by another tool).",
        meaning=GAISCHEMA["source_format/md"])
    xlsx = PermissibleValue(
        text="xlsx",
        title="Excel 工作簿",
        description="An Excel (.xlsx) workbook, such as the fill-in template of gaischema.",
        meaning=GAISCHEMA["source_format/xlsx"])
    pdf = PermissibleValue(
        text="pdf",
        title="PDF 文件",
        description="""A PDF file: with a text layer (browser-printed, office-suite-saved or WPS-made), or pages of pictures (a scan) read by OCR, each value's confidence in its note.""",
        meaning=GAISCHEMA["source_format/pdf"])

    _defn = EnumDefinition(
        name="SourceFormatEnum",
        description="The kind of published file an instance was extracted from.",
    )

class ExtractionNoteKindEnum(EnumDefinitionImpl):
    """
    Why the extractor says something about a cell, a row or a field.
    """
    blank = PermissibleValue(
        text="blank",
        title="单元格空白",
        description="The cell is blank in the source (empty, or a mark such as —, / or 无); it stays blank.",
        meaning=GAISCHEMA["note/blank"])
    unreadable = PermissibleValue(
        text="unreadable",
        title="无法读取",
        description="The source has something in this place that is not a number; the cell stays blank.",
        meaning=GAISCHEMA["note/unreadable"])
    inferred = PermissibleValue(
        text="inferred",
        title="推断拆分",
        description="""The digits of a row were run together in the source and the print leaves several splits open, or OCR could not read a cell reliably (see low_confidence); exactly one split, or one value, satisfies the rules (row total, results total, balance, table 四 totals), or, for a table 二 row, agrees with the numbers the report's own text states (the note quotes the sentence), and it was taken. Digits whose split the print determines (as many digits as cells) are read as printed, without a note.""",
        meaning=GAISCHEMA["note/inferred"])
    ambiguous = PermissibleValue(
        text="ambiguous",
        title="拆分不唯一",
        description="""The digits were run together and several splits satisfy the rules; the cells stay blank. The validator reports the row once as READ-AMBIGUOUS (a limit of the reading, the printed digits as the reported value) and does not report its cells as left blank by the organ.""",
        meaning=GAISCHEMA["note/ambiguous"])
    impossible = PermissibleValue(
        text="impossible",
        title="无法拆分",
        description="The digits were run together and no split satisfies the rules; the cells stay blank.",
        meaning=GAISCHEMA["note/impossible"])
    no_consistent_reading = PermissibleValue(
        text="no_consistent_reading",
        title="印刷数字不满足勾稽关系",
        description="""The digits were run together, the print leaves several splits open, and no split satisfies the rule named in note_rule (a row total, the results total, the balance, a table 四 total): the report's arithmetic is wrong whatever the cells are. The cells stay blank; the validator reports the named rule as an error with the printed digits (note_raw) as the reported value, and does not report the row's cells as left blank by the organ.""",
        meaning=GAISCHEMA["note/no_consistent_reading"])
    unit = PermissibleValue(
        text="unit",
        title="含单位",
        description="""The cell holds a unit beside its number (e.g. 251000元); the number was read and the unit noted. Where the column names another unit (本年收费金额（单位：万元）), the number was converted exactly to it and the note says so.""",
        meaning=GAISCHEMA["note/unit"])
    missing = PermissibleValue(
        text="missing",
        title="未找到",
        description="""A table, row, section or field was not found in the source. For a row of a table (the extractor notes each official row it did not find), the cells stay blank; the validator reports the row once as READ-NOT-FOUND (a limit of the reading) and does not report its cells as left blank by the organ. The path \"\" (the report) says the report was published without its tables (TABLES-MISSING).""",
        meaning=GAISCHEMA["note/missing"])
    source = PermissibleValue(
        text="source",
        title="来源",
        description="""Where a metadata field was read (发布机构 line, title, signature, statistical period); note_raw holds the value read.""",
        meaning=GAISCHEMA["note/source"])
    positional = PermissibleValue(
        text="positional",
        title="按位置读取",
        description="""The row's label is missing or unreadable in the source; the row was read by its position, between two rows matched by their labels, where exactly as many value rows as missing official rows stand.""",
        meaning=GAISCHEMA["note/positional"])
    group_row = PermissibleValue(
        text="group_row",
        title="分组合为一行",
        description="""A group of rows (e.g. （六）其他处理 in a 2021 report) is printed as one row. All zeros: each sub-row is 0 (counts are never negative). Otherwise the sub-rows stay blank: a total is never spread.""",
        meaning=GAISCHEMA["note/group_row"])
    ocr = PermissibleValue(
        text="ocr",
        title="文字识别读取",
        description="""The cell's value was read by OCR from a picture (a scanned page, a table pasted into a Word file as a picture) with at least the confidence bound; note_confidence holds the recogniser's confidence.""",
        meaning=GAISCHEMA["note/ocr"])
    low_confidence = PermissibleValue(
        text="low_confidence",
        title="识别不可靠",
        description="""OCR found ink in the cell but read it below the confidence bound, or read no number; the cell stays blank (note_raw holds what was read, note_confidence its confidence), unless the identities the schema declares allow exactly one value, which is then taken with an inferred note. The validator reports the blank cell once as READ-UNRELIABLE (a limit of the reading), not as left blank by the organ.""",
        meaning=GAISCHEMA["note/low_confidence"])
    remark = PermissibleValue(
        text="remark",
        title="含附注",
        description="""The cell holds a remark in brackets beside its number (e.g. 55（含自然失效29件）); the number was read.""",
        meaning=GAISCHEMA["note/remark"])
    merged = PermissibleValue(
        text="merged",
        title="合并单元格",
        description="A value cell is merged with the row above; it is read once, for the row it starts in.",
        meaning=GAISCHEMA["note/merged"])
    corrected = PermissibleValue(
        text="corrected",
        title="人工更正",
        description="""An evaluator corrected the cell (gaischema correct, the corrections file corrections.yaml beside the report page): the instance holds the corrected value; note_raw holds the value the extractor read (empty when it read none) and note_message the reason and who gave it.""",
        meaning=GAISCHEMA["note/corrected"])

    _defn = EnumDefinition(
        name="ExtractionNoteKindEnum",
        description="Why the extractor says something about a cell, a row or a field.",
    )

class PlaceKindEnum(EnumDefinitionImpl):
    """
    How a cell's place in the source is given (see CellSource).
    """
    box = PermissibleValue(
        text="box",
        title="页面区域",
        description="""A box on a page of a PDF file or a scan: place_page and place_bbox (points, top-left origin), the union of the boxes of the characters (PDFium's) or OCR's words the value was read from, or the ruled table cell's box.""",
        meaning=GAISCHEMA["place/box"])
    table = PermissibleValue(
        text="table",
        title="表格单元格",
        description="""A cell of a table of an HTML page, a Word file or Markdown (place_table, place_row, place_col, from 1), or of a workbook (place_sheet and place_cell, an A1 name).""",
        meaning=GAISCHEMA["place/table"])
    text = PermissibleValue(
        text="text",
        title="文本字符",
        description="""Characters of a text copy: place_line (from 1) and the characters [place_start, place_end) on it (from 0); where the source has no lines (a paragraph of an HTML page), place_paragraph instead.""",
        meaning=GAISCHEMA["place/text"])

    _defn = EnumDefinition(
        name="PlaceKindEnum",
        description="How a cell's place in the source is given (see CellSource).",
    )

# Slots
class slots:
    pass

slots.organ = Slot(uri=GAISCHEMA.organ, name="organ", curie=GAISCHEMA.curie('organ'),
                   model_uri=GAISCHEMA.organ, domain=None, range=str)

slots.organ_kind = Slot(uri=GAISCHEMA.organ_kind, name="organ_kind", curie=GAISCHEMA.curie('organ_kind'),
                   model_uri=GAISCHEMA.organ_kind, domain=None, range=Optional[Union[str, "OrganKindEnum"]])

slots.division_code = Slot(uri=GAISCHEMA.division_code, name="division_code", curie=GAISCHEMA.curie('division_code'),
                   model_uri=GAISCHEMA.division_code, domain=None, range=Optional[str],
                   pattern=re.compile(r'^[0-9]{6}$'))

slots.canonical_organ = Slot(uri=GAISCHEMA.canonical_organ, name="canonical_organ", curie=GAISCHEMA.curie('canonical_organ'),
                   model_uri=GAISCHEMA.canonical_organ, domain=None, range=Optional[str])

slots.organ_aliases = Slot(uri=GAISCHEMA.organ_aliases, name="organ_aliases", curie=GAISCHEMA.curie('organ_aliases'),
                   model_uri=GAISCHEMA.organ_aliases, domain=None, range=Optional[Union[str, list[str]]])

slots.organ_level = Slot(uri=GAISCHEMA.organ_level, name="organ_level", curie=GAISCHEMA.curie('organ_level'),
                   model_uri=GAISCHEMA.organ_level, domain=None, range=Optional[Union[str, "OrganLevelEnum"]])

slots.roster_kind = Slot(uri=GAISCHEMA.roster_kind, name="roster_kind", curie=GAISCHEMA.curie('roster_kind'),
                   model_uri=GAISCHEMA.roster_kind, domain=None, range=Optional[Union[str, "RosterKindEnum"]])

slots.parent_organ = Slot(uri=GAISCHEMA.parent_organ, name="parent_organ", curie=GAISCHEMA.curie('parent_organ'),
                   model_uri=GAISCHEMA.parent_organ, domain=None, range=Optional[str])

slots.first_year = Slot(uri=GAISCHEMA.first_year, name="first_year", curie=GAISCHEMA.curie('first_year'),
                   model_uri=GAISCHEMA.first_year, domain=None, range=Optional[int])

slots.last_year = Slot(uri=GAISCHEMA.last_year, name="last_year", curie=GAISCHEMA.curie('last_year'),
                   model_uri=GAISCHEMA.last_year, domain=None, range=Optional[int])

slots.successor_organ = Slot(uri=GAISCHEMA.successor_organ, name="successor_organ", curie=GAISCHEMA.curie('successor_organ'),
                   model_uri=GAISCHEMA.successor_organ, domain=None, range=Optional[str])

slots.organs = Slot(uri=GAISCHEMA.organs, name="organs", curie=GAISCHEMA.curie('organs'),
                   model_uri=GAISCHEMA.organs, domain=None, range=Optional[Union[Union[dict, OrganRecord], list[Union[dict, OrganRecord]]]])

slots.report_year = Slot(uri=GAISCHEMA.report_year, name="report_year", curie=GAISCHEMA.curie('report_year'),
                   model_uri=GAISCHEMA.report_year, domain=None, range=int)

slots.format_version = Slot(uri=GAISCHEMA.format_version, name="format_version", curie=GAISCHEMA.curie('format_version'),
                   model_uri=GAISCHEMA.format_version, domain=None, range=Union[str, "FormatVersionEnum"])

slots.publication_date = Slot(uri=DCTERMS.issued, name="publication_date", curie=DCTERMS.curie('issued'),
                   model_uri=GAISCHEMA.publication_date, domain=None, range=Optional[Union[str, XSDDate]])

slots.source_url = Slot(uri=DCTERMS.source, name="source_url", curie=DCTERMS.curie('source'),
                   model_uri=GAISCHEMA.source_url, domain=None, range=Optional[Union[str, URI]])

slots.statistical_period = Slot(uri=GAISCHEMA.statistical_period, name="statistical_period", curie=GAISCHEMA.curie('statistical_period'),
                   model_uri=GAISCHEMA.statistical_period, domain=None, range=Optional[Union[dict, StatisticalPeriod]])

slots.start_date = Slot(uri=GAISCHEMA.start_date, name="start_date", curie=GAISCHEMA.curie('start_date'),
                   model_uri=GAISCHEMA.start_date, domain=None, range=Optional[Union[str, XSDDate]])

slots.end_date = Slot(uri=GAISCHEMA.end_date, name="end_date", curie=GAISCHEMA.curie('end_date'),
                   model_uri=GAISCHEMA.end_date, domain=None, range=Optional[Union[str, XSDDate]])

slots.overview = Slot(uri=GAISCHEMA.overview, name="overview", curie=GAISCHEMA.curie('overview'),
                   model_uri=GAISCHEMA.overview, domain=None, range=Optional[str])

slots.problems_and_improvements = Slot(uri=GAISCHEMA.problems_and_improvements, name="problems_and_improvements", curie=GAISCHEMA.curie('problems_and_improvements'),
                   model_uri=GAISCHEMA.problems_and_improvements, domain=None, range=Optional[str])

slots.other_matters = Slot(uri=GAISCHEMA.other_matters, name="other_matters", curie=GAISCHEMA.curie('other_matters'),
                   model_uri=GAISCHEMA.other_matters, domain=None, range=Optional[str])

slots.processing_fee_charged = Slot(uri=GAISCHEMA.processing_fee_charged, name="processing_fee_charged", curie=GAISCHEMA.curie('processing_fee_charged'),
                   model_uri=GAISCHEMA.processing_fee_charged, domain=None, range=Optional[Union[bool, Bool]])

slots.processing_fee_amount = Slot(uri=GAISCHEMA.processing_fee_amount, name="processing_fee_amount", curie=GAISCHEMA.curie('processing_fee_amount'),
                   model_uri=GAISCHEMA.processing_fee_amount, domain=None, range=Optional[Union[Decimal, Amount]])

slots.extraction = Slot(uri=GAISCHEMA.extraction, name="extraction", curie=GAISCHEMA.curie('extraction'),
                   model_uri=GAISCHEMA.extraction, domain=None, range=Optional[Union[dict, ExtractionRecord]])

slots.extensions = Slot(uri=GAISCHEMA.extensions, name="extensions", curie=GAISCHEMA.curie('extensions'),
                   model_uri=GAISCHEMA.extensions, domain=None, range=Optional[Union[dict, LocalExtensions]])

slots.source_file = Slot(uri=GAISCHEMA.source_file, name="source_file", curie=GAISCHEMA.curie('source_file'),
                   model_uri=GAISCHEMA.source_file, domain=None, range=Optional[str])

slots.source_format = Slot(uri=GAISCHEMA.source_format, name="source_format", curie=GAISCHEMA.curie('source_format'),
                   model_uri=GAISCHEMA.source_format, domain=None, range=Optional[Union[str, "SourceFormatEnum"]])

slots.source_encoding = Slot(uri=GAISCHEMA.source_encoding, name="source_encoding", curie=GAISCHEMA.curie('source_encoding'),
                   model_uri=GAISCHEMA.source_encoding, domain=None, range=Optional[str])

slots.extractor = Slot(uri=GAISCHEMA.extractor, name="extractor", curie=GAISCHEMA.curie('extractor'),
                   model_uri=GAISCHEMA.extractor, domain=None, range=Optional[str])

slots.section_headings = Slot(uri=GAISCHEMA.section_headings, name="section_headings", curie=GAISCHEMA.curie('section_headings'),
                   model_uri=GAISCHEMA.section_headings, domain=None, range=Optional[Union[str, list[str]]],
                   pattern=re.compile(r'^[一二三四五六]$'))

slots.notes = Slot(uri=GAISCHEMA.notes, name="notes", curie=GAISCHEMA.curie('notes'),
                   model_uri=GAISCHEMA.notes, domain=None, range=Optional[Union[Union[dict, ExtractionNote], list[Union[dict, ExtractionNote]]]])

slots.note_kind = Slot(uri=GAISCHEMA.note_kind, name="note_kind", curie=GAISCHEMA.curie('note_kind'),
                   model_uri=GAISCHEMA.note_kind, domain=None, range=Union[str, "ExtractionNoteKindEnum"])

slots.note_path = Slot(uri=GAISCHEMA.note_path, name="note_path", curie=GAISCHEMA.curie('note_path'),
                   model_uri=GAISCHEMA.note_path, domain=None, range=Optional[str])

slots.note_message = Slot(uri=GAISCHEMA.note_message, name="note_message", curie=GAISCHEMA.curie('note_message'),
                   model_uri=GAISCHEMA.note_message, domain=None, range=Optional[str])

slots.note_raw = Slot(uri=GAISCHEMA.note_raw, name="note_raw", curie=GAISCHEMA.curie('note_raw'),
                   model_uri=GAISCHEMA.note_raw, domain=None, range=Optional[str])

slots.note_candidates = Slot(uri=GAISCHEMA.note_candidates, name="note_candidates", curie=GAISCHEMA.curie('note_candidates'),
                   model_uri=GAISCHEMA.note_candidates, domain=None, range=Optional[Union[str, list[str]]])

slots.note_readings = Slot(uri=GAISCHEMA.note_readings, name="note_readings", curie=GAISCHEMA.curie('note_readings'),
                   model_uri=GAISCHEMA.note_readings, domain=None, range=Optional[int])

slots.note_rule = Slot(uri=GAISCHEMA.note_rule, name="note_rule", curie=GAISCHEMA.curie('note_rule'),
                   model_uri=GAISCHEMA.note_rule, domain=None, range=Optional[str])

slots.cell_sources = Slot(uri=GAISCHEMA.cell_sources, name="cell_sources", curie=GAISCHEMA.curie('cell_sources'),
                   model_uri=GAISCHEMA.cell_sources, domain=None, range=Optional[Union[Union[dict, CellSource], list[Union[dict, CellSource]]]])

slots.cell_path = Slot(uri=GAISCHEMA.cell_path, name="cell_path", curie=GAISCHEMA.curie('cell_path'),
                   model_uri=GAISCHEMA.cell_path, domain=None, range=str)

slots.place_kind = Slot(uri=GAISCHEMA.place_kind, name="place_kind", curie=GAISCHEMA.curie('place_kind'),
                   model_uri=GAISCHEMA.place_kind, domain=None, range=Union[str, "PlaceKindEnum"])

slots.place_page = Slot(uri=GAISCHEMA.place_page, name="place_page", curie=GAISCHEMA.curie('place_page'),
                   model_uri=GAISCHEMA.place_page, domain=None, range=Optional[int])

slots.place_bbox = Slot(uri=GAISCHEMA.place_bbox, name="place_bbox", curie=GAISCHEMA.curie('place_bbox'),
                   model_uri=GAISCHEMA.place_bbox, domain=None, range=Optional[Union[float, list[float]]])

slots.place_table = Slot(uri=GAISCHEMA.place_table, name="place_table", curie=GAISCHEMA.curie('place_table'),
                   model_uri=GAISCHEMA.place_table, domain=None, range=Optional[int])

slots.place_row = Slot(uri=GAISCHEMA.place_row, name="place_row", curie=GAISCHEMA.curie('place_row'),
                   model_uri=GAISCHEMA.place_row, domain=None, range=Optional[int])

slots.place_col = Slot(uri=GAISCHEMA.place_col, name="place_col", curie=GAISCHEMA.curie('place_col'),
                   model_uri=GAISCHEMA.place_col, domain=None, range=Optional[int])

slots.place_sheet = Slot(uri=GAISCHEMA.place_sheet, name="place_sheet", curie=GAISCHEMA.curie('place_sheet'),
                   model_uri=GAISCHEMA.place_sheet, domain=None, range=Optional[str])

slots.place_cell = Slot(uri=GAISCHEMA.place_cell, name="place_cell", curie=GAISCHEMA.curie('place_cell'),
                   model_uri=GAISCHEMA.place_cell, domain=None, range=Optional[str])

slots.place_line = Slot(uri=GAISCHEMA.place_line, name="place_line", curie=GAISCHEMA.curie('place_line'),
                   model_uri=GAISCHEMA.place_line, domain=None, range=Optional[int])

slots.place_paragraph = Slot(uri=GAISCHEMA.place_paragraph, name="place_paragraph", curie=GAISCHEMA.curie('place_paragraph'),
                   model_uri=GAISCHEMA.place_paragraph, domain=None, range=Optional[int])

slots.place_start = Slot(uri=GAISCHEMA.place_start, name="place_start", curie=GAISCHEMA.curie('place_start'),
                   model_uri=GAISCHEMA.place_start, domain=None, range=Optional[int])

slots.place_end = Slot(uri=GAISCHEMA.place_end, name="place_end", curie=GAISCHEMA.curie('place_end'),
                   model_uri=GAISCHEMA.place_end, domain=None, range=Optional[int])

slots.note_confidence = Slot(uri=GAISCHEMA.note_confidence, name="note_confidence", curie=GAISCHEMA.curie('note_confidence'),
                   model_uri=GAISCHEMA.note_confidence, domain=None, range=Optional[float])

slots.proactive_disclosure = Slot(uri=GAISCHEMA.proactive_disclosure, name="proactive_disclosure", curie=GAISCHEMA.curie('proactive_disclosure'),
                   model_uri=GAISCHEMA.proactive_disclosure, domain=None, range=Optional[Union[dict, ProactiveDisclosure]])

slots.proactive_disclosure_2019 = Slot(uri=GAISCHEMA.proactive_disclosure_2019, name="proactive_disclosure_2019", curie=GAISCHEMA.curie('proactive_disclosure_2019'),
                   model_uri=GAISCHEMA.proactive_disclosure_2019, domain=None, range=Optional[Union[dict, ProactiveDisclosure2019]])

slots.applications = Slot(uri=GAISCHEMA.applications, name="applications", curie=GAISCHEMA.curie('applications'),
                   model_uri=GAISCHEMA.applications, domain=None, range=Optional[Union[dict, ApplicationStatistics]])

slots.reviews_and_litigation = Slot(uri=GAISCHEMA.reviews_and_litigation, name="reviews_and_litigation", curie=GAISCHEMA.curie('reviews_and_litigation'),
                   model_uri=GAISCHEMA.reviews_and_litigation, domain=None, range=Optional[Union[dict, ReviewsAndLitigation]])

slots.regulations = Slot(uri=GAISCHEMA.regulations, name="regulations", curie=GAISCHEMA.curie('regulations'),
                   model_uri=GAISCHEMA.regulations, domain=None, range=Optional[Union[dict, DocumentRow]])

slots.normative_documents = Slot(uri=GAISCHEMA.normative_documents, name="normative_documents", curie=GAISCHEMA.curie('normative_documents'),
                   model_uri=GAISCHEMA.normative_documents, domain=None, range=Optional[Union[dict, DocumentRow]])

slots.licensing = Slot(uri=GAISCHEMA.licensing, name="licensing", curie=GAISCHEMA.curie('licensing'),
                   model_uri=GAISCHEMA.licensing, domain=None, range=Optional[Union[dict, ItemRow]])

slots.other_services = Slot(uri=GAISCHEMA.other_services, name="other_services", curie=GAISCHEMA.curie('other_services'),
                   model_uri=GAISCHEMA.other_services, domain=None, range=Optional[Union[dict, ItemCounts2019]])

slots.penalty = Slot(uri=GAISCHEMA.penalty, name="penalty", curie=GAISCHEMA.curie('penalty'),
                   model_uri=GAISCHEMA.penalty, domain=None, range=Optional[Union[dict, ItemRow]])

slots.coercion = Slot(uri=GAISCHEMA.coercion, name="coercion", curie=GAISCHEMA.curie('coercion'),
                   model_uri=GAISCHEMA.coercion, domain=None, range=Optional[Union[dict, ItemRow]])

slots.fees = Slot(uri=GAISCHEMA.fees, name="fees", curie=GAISCHEMA.curie('fees'),
                   model_uri=GAISCHEMA.fees, domain=None, range=Optional[Union[dict, FeeRow]])

slots.procurement = Slot(uri=GAISCHEMA.procurement, name="procurement", curie=GAISCHEMA.curie('procurement'),
                   model_uri=GAISCHEMA.procurement, domain=None, range=Optional[Union[dict, Procurement2019]])

slots.issued = Slot(uri=GAISCHEMA.issued, name="issued", curie=GAISCHEMA.curie('issued'),
                   model_uri=GAISCHEMA.issued, domain=None, range=Union[int, Count])

slots.repealed = Slot(uri=GAISCHEMA.repealed, name="repealed", curie=GAISCHEMA.curie('repealed'),
                   model_uri=GAISCHEMA.repealed, domain=None, range=Union[int, Count])

slots.in_force = Slot(uri=GAISCHEMA.in_force, name="in_force", curie=GAISCHEMA.curie('in_force'),
                   model_uri=GAISCHEMA.in_force, domain=None, range=Union[int, Count])

slots.newly_made = Slot(uri=GAISCHEMA.newly_made, name="newly_made", curie=GAISCHEMA.curie('newly_made'),
                   model_uri=GAISCHEMA.newly_made, domain=None, range=Union[int, Count])

slots.newly_published = Slot(uri=GAISCHEMA.newly_published, name="newly_published", curie=GAISCHEMA.curie('newly_published'),
                   model_uri=GAISCHEMA.newly_published, domain=None, range=Union[int, Count])

slots.total_published = Slot(uri=GAISCHEMA.total_published, name="total_published", curie=GAISCHEMA.curie('total_published'),
                   model_uri=GAISCHEMA.total_published, domain=None, range=Union[int, Count])

slots.decisions = Slot(uri=GAISCHEMA.decisions, name="decisions", curie=GAISCHEMA.curie('decisions'),
                   model_uri=GAISCHEMA.decisions, domain=None, range=Union[int, Count])

slots.previous_items = Slot(uri=GAISCHEMA.previous_items, name="previous_items", curie=GAISCHEMA.curie('previous_items'),
                   model_uri=GAISCHEMA.previous_items, domain=None, range=Union[int, Count])

slots.change = Slot(uri=GAISCHEMA.change, name="change", curie=GAISCHEMA.curie('change'),
                   model_uri=GAISCHEMA.change, domain=None, range=Union[int, SignedCount])

slots.fee_amount = Slot(uri=GAISCHEMA.fee_amount, name="fee_amount", curie=GAISCHEMA.curie('fee_amount'),
                   model_uri=GAISCHEMA.fee_amount, domain=None, range=Union[Decimal, Amount])

slots.procurement_items = Slot(uri=GAISCHEMA.procurement_items, name="procurement_items", curie=GAISCHEMA.curie('procurement_items'),
                   model_uri=GAISCHEMA.procurement_items, domain=None, range=Union[int, Count])

slots.procurement_amount = Slot(uri=GAISCHEMA.procurement_amount, name="procurement_amount", curie=GAISCHEMA.curie('procurement_amount'),
                   model_uri=GAISCHEMA.procurement_amount, domain=None, range=Union[Decimal, Amount])

slots.procurement_amount_unit = Slot(uri=GAISCHEMA.procurement_amount_unit, name="procurement_amount_unit", curie=GAISCHEMA.curie('procurement_amount_unit'),
                   model_uri=GAISCHEMA.procurement_amount_unit, domain=None, range=Optional[str])

slots.new_applications = Slot(uri=GAISCHEMA.new_applications, name="new_applications", curie=GAISCHEMA.curie('new_applications'),
                   model_uri=GAISCHEMA.new_applications, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.carried_over = Slot(uri=GAISCHEMA.carried_over, name="carried_over", curie=GAISCHEMA.curie('carried_over'),
                   model_uri=GAISCHEMA.carried_over, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.results = Slot(uri=GAISCHEMA.results, name="results", curie=GAISCHEMA.curie('results'),
                   model_uri=GAISCHEMA.results, domain=None, range=Optional[Union[dict, HandlingResults]])

slots.carried_forward = Slot(uri=GAISCHEMA.carried_forward, name="carried_forward", curie=GAISCHEMA.curie('carried_forward'),
                   model_uri=GAISCHEMA.carried_forward, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.granted = Slot(uri=GAISCHEMA.granted, name="granted", curie=GAISCHEMA.curie('granted'),
                   model_uri=GAISCHEMA.granted, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.partially_granted = Slot(uri=GAISCHEMA.partially_granted, name="partially_granted", curie=GAISCHEMA.curie('partially_granted'),
                   model_uri=GAISCHEMA.partially_granted, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.denied = Slot(uri=GAISCHEMA.denied, name="denied", curie=GAISCHEMA.curie('denied'),
                   model_uri=GAISCHEMA.denied, domain=None, range=Optional[Union[dict, DenialReasons]])

slots.unable = Slot(uri=GAISCHEMA.unable, name="unable", curie=GAISCHEMA.curie('unable'),
                   model_uri=GAISCHEMA.unable, domain=None, range=Optional[Union[dict, UnableReasons]])

slots.not_processed = Slot(uri=GAISCHEMA.not_processed, name="not_processed", curie=GAISCHEMA.curie('not_processed'),
                   model_uri=GAISCHEMA.not_processed, domain=None, range=Optional[Union[dict, NotProcessedReasons]])

slots.other_handling = Slot(uri=GAISCHEMA.other_handling, name="other_handling", curie=GAISCHEMA.curie('other_handling'),
                   model_uri=GAISCHEMA.other_handling, domain=None, range=Optional[Union[dict, OtherHandlingReasons]])

slots.other_handling_2019 = Slot(uri=GAISCHEMA.other_handling_2019, name="other_handling_2019", curie=GAISCHEMA.curie('other_handling_2019'),
                   model_uri=GAISCHEMA.other_handling_2019, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.results_total = Slot(uri=GAISCHEMA.results_total, name="results_total", curie=GAISCHEMA.curie('results_total'),
                   model_uri=GAISCHEMA.results_total, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.state_secret = Slot(uri=GAISCHEMA.state_secret, name="state_secret", curie=GAISCHEMA.curie('state_secret'),
                   model_uri=GAISCHEMA.state_secret, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.prohibited_by_law = Slot(uri=GAISCHEMA.prohibited_by_law, name="prohibited_by_law", curie=GAISCHEMA.curie('prohibited_by_law'),
                   model_uri=GAISCHEMA.prohibited_by_law, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.security_stability = Slot(uri=GAISCHEMA.security_stability, name="security_stability", curie=GAISCHEMA.curie('security_stability'),
                   model_uri=GAISCHEMA.security_stability, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.third_party_rights = Slot(uri=GAISCHEMA.third_party_rights, name="third_party_rights", curie=GAISCHEMA.curie('third_party_rights'),
                   model_uri=GAISCHEMA.third_party_rights, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.internal_affairs = Slot(uri=GAISCHEMA.internal_affairs, name="internal_affairs", curie=GAISCHEMA.curie('internal_affairs'),
                   model_uri=GAISCHEMA.internal_affairs, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.process_information = Slot(uri=GAISCHEMA.process_information, name="process_information", curie=GAISCHEMA.curie('process_information'),
                   model_uri=GAISCHEMA.process_information, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.enforcement_files = Slot(uri=GAISCHEMA.enforcement_files, name="enforcement_files", curie=GAISCHEMA.curie('enforcement_files'),
                   model_uri=GAISCHEMA.enforcement_files, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.administrative_query = Slot(uri=GAISCHEMA.administrative_query, name="administrative_query", curie=GAISCHEMA.curie('administrative_query'),
                   model_uri=GAISCHEMA.administrative_query, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.not_held = Slot(uri=GAISCHEMA.not_held, name="not_held", curie=GAISCHEMA.curie('not_held'),
                   model_uri=GAISCHEMA.not_held, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.needs_creation = Slot(uri=GAISCHEMA.needs_creation, name="needs_creation", curie=GAISCHEMA.curie('needs_creation'),
                   model_uri=GAISCHEMA.needs_creation, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.still_unclear = Slot(uri=GAISCHEMA.still_unclear, name="still_unclear", curie=GAISCHEMA.curie('still_unclear'),
                   model_uri=GAISCHEMA.still_unclear, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.petition_complaint = Slot(uri=GAISCHEMA.petition_complaint, name="petition_complaint", curie=GAISCHEMA.curie('petition_complaint'),
                   model_uri=GAISCHEMA.petition_complaint, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.repeated = Slot(uri=GAISCHEMA.repeated, name="repeated", curie=GAISCHEMA.curie('repeated'),
                   model_uri=GAISCHEMA.repeated, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.publication = Slot(uri=GAISCHEMA.publication, name="publication", curie=GAISCHEMA.curie('publication'),
                   model_uri=GAISCHEMA.publication, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.excessive = Slot(uri=GAISCHEMA.excessive, name="excessive", curie=GAISCHEMA.curie('excessive'),
                   model_uri=GAISCHEMA.excessive, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.confirmation = Slot(uri=GAISCHEMA.confirmation, name="confirmation", curie=GAISCHEMA.curie('confirmation'),
                   model_uri=GAISCHEMA.confirmation, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.no_correction = Slot(uri=GAISCHEMA.no_correction, name="no_correction", curie=GAISCHEMA.curie('no_correction'),
                   model_uri=GAISCHEMA.no_correction, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.fee_unpaid = Slot(uri=GAISCHEMA.fee_unpaid, name="fee_unpaid", curie=GAISCHEMA.curie('fee_unpaid'),
                   model_uri=GAISCHEMA.fee_unpaid, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.other_reason = Slot(uri=GAISCHEMA.other_reason, name="other_reason", curie=GAISCHEMA.curie('other_reason'),
                   model_uri=GAISCHEMA.other_reason, domain=None, range=Optional[Union[dict, ApplicantCounts]])

slots.natural_person = Slot(uri=GAISCHEMA.natural_person, name="natural_person", curie=GAISCHEMA.curie('natural_person'),
                   model_uri=GAISCHEMA.natural_person, domain=None, range=Union[int, Count])

slots.commercial_enterprise = Slot(uri=GAISCHEMA.commercial_enterprise, name="commercial_enterprise", curie=GAISCHEMA.curie('commercial_enterprise'),
                   model_uri=GAISCHEMA.commercial_enterprise, domain=None, range=Union[int, Count])

slots.research_institution = Slot(uri=GAISCHEMA.research_institution, name="research_institution", curie=GAISCHEMA.curie('research_institution'),
                   model_uri=GAISCHEMA.research_institution, domain=None, range=Union[int, Count])

slots.social_welfare_org = Slot(uri=GAISCHEMA.social_welfare_org, name="social_welfare_org", curie=GAISCHEMA.curie('social_welfare_org'),
                   model_uri=GAISCHEMA.social_welfare_org, domain=None, range=Union[int, Count])

slots.legal_service_org = Slot(uri=GAISCHEMA.legal_service_org, name="legal_service_org", curie=GAISCHEMA.curie('legal_service_org'),
                   model_uri=GAISCHEMA.legal_service_org, domain=None, range=Union[int, Count])

slots.other_org = Slot(uri=GAISCHEMA.other_org, name="other_org", curie=GAISCHEMA.curie('other_org'),
                   model_uri=GAISCHEMA.other_org, domain=None, range=Union[int, Count])

slots.total = Slot(uri=GAISCHEMA.total, name="total", curie=GAISCHEMA.curie('total'),
                   model_uri=GAISCHEMA.total, domain=None, range=Union[int, Count])

slots.administrative_review = Slot(uri=GAISCHEMA.administrative_review, name="administrative_review", curie=GAISCHEMA.curie('administrative_review'),
                   model_uri=GAISCHEMA.administrative_review, domain=None, range=Optional[Union[dict, CaseCounts]])

slots.litigation_direct = Slot(uri=GAISCHEMA.litigation_direct, name="litigation_direct", curie=GAISCHEMA.curie('litigation_direct'),
                   model_uri=GAISCHEMA.litigation_direct, domain=None, range=Optional[Union[dict, CaseCounts]])

slots.litigation_after_review = Slot(uri=GAISCHEMA.litigation_after_review, name="litigation_after_review", curie=GAISCHEMA.curie('litigation_after_review'),
                   model_uri=GAISCHEMA.litigation_after_review, domain=None, range=Optional[Union[dict, CaseCounts]])

slots.upheld = Slot(uri=GAISCHEMA.upheld, name="upheld", curie=GAISCHEMA.curie('upheld'),
                   model_uri=GAISCHEMA.upheld, domain=None, range=Union[int, Count])

slots.corrected = Slot(uri=GAISCHEMA.corrected, name="corrected", curie=GAISCHEMA.curie('corrected'),
                   model_uri=GAISCHEMA.corrected, domain=None, range=Union[int, Count])

slots.other_result = Slot(uri=GAISCHEMA.other_result, name="other_result", curie=GAISCHEMA.curie('other_result'),
                   model_uri=GAISCHEMA.other_result, domain=None, range=Union[int, Count])

slots.pending = Slot(uri=GAISCHEMA.pending, name="pending", curie=GAISCHEMA.curie('pending'),
                   model_uri=GAISCHEMA.pending, domain=None, range=Union[int, Count])

slots.OrganRecord_canonical_organ = Slot(uri=GAISCHEMA.canonical_organ, name="OrganRecord_canonical_organ", curie=GAISCHEMA.curie('canonical_organ'),
                   model_uri=GAISCHEMA.OrganRecord_canonical_organ, domain=OrganRecord, range=str)

slots.ProactiveDisclosure_regulations = Slot(uri=GAISCHEMA.regulations, name="ProactiveDisclosure_regulations", curie=GAISCHEMA.curie('regulations'),
                   model_uri=GAISCHEMA.ProactiveDisclosure_regulations, domain=ProactiveDisclosure, range=Optional[Union[dict, "DocumentCounts"]])

slots.ProactiveDisclosure_normative_documents = Slot(uri=GAISCHEMA.normative_documents, name="ProactiveDisclosure_normative_documents", curie=GAISCHEMA.curie('normative_documents'),
                   model_uri=GAISCHEMA.ProactiveDisclosure_normative_documents, domain=ProactiveDisclosure, range=Optional[Union[dict, "DocumentCounts"]])

slots.ProactiveDisclosure_licensing = Slot(uri=GAISCHEMA.licensing, name="ProactiveDisclosure_licensing", curie=GAISCHEMA.curie('licensing'),
                   model_uri=GAISCHEMA.ProactiveDisclosure_licensing, domain=ProactiveDisclosure, range=Optional[Union[dict, "DecisionCount"]])

slots.ProactiveDisclosure_penalty = Slot(uri=GAISCHEMA.penalty, name="ProactiveDisclosure_penalty", curie=GAISCHEMA.curie('penalty'),
                   model_uri=GAISCHEMA.ProactiveDisclosure_penalty, domain=ProactiveDisclosure, range=Optional[Union[dict, "DecisionCount"]])

slots.ProactiveDisclosure_coercion = Slot(uri=GAISCHEMA.coercion, name="ProactiveDisclosure_coercion", curie=GAISCHEMA.curie('coercion'),
                   model_uri=GAISCHEMA.ProactiveDisclosure_coercion, domain=ProactiveDisclosure, range=Optional[Union[dict, "DecisionCount"]])

slots.ProactiveDisclosure_fees = Slot(uri=GAISCHEMA.fees, name="ProactiveDisclosure_fees", curie=GAISCHEMA.curie('fees'),
                   model_uri=GAISCHEMA.ProactiveDisclosure_fees, domain=ProactiveDisclosure, range=Optional[Union[dict, "FeeAmount"]])

slots.ProactiveDisclosure2019_regulations = Slot(uri=GAISCHEMA.regulations, name="ProactiveDisclosure2019_regulations", curie=GAISCHEMA.curie('regulations'),
                   model_uri=GAISCHEMA.ProactiveDisclosure2019_regulations, domain=ProactiveDisclosure2019, range=Optional[Union[dict, "DocumentCounts2019"]])

slots.ProactiveDisclosure2019_normative_documents = Slot(uri=GAISCHEMA.normative_documents, name="ProactiveDisclosure2019_normative_documents", curie=GAISCHEMA.curie('normative_documents'),
                   model_uri=GAISCHEMA.ProactiveDisclosure2019_normative_documents, domain=ProactiveDisclosure2019, range=Optional[Union[dict, "DocumentCounts2019"]])

slots.ProactiveDisclosure2019_licensing = Slot(uri=GAISCHEMA.licensing, name="ProactiveDisclosure2019_licensing", curie=GAISCHEMA.curie('licensing'),
                   model_uri=GAISCHEMA.ProactiveDisclosure2019_licensing, domain=ProactiveDisclosure2019, range=Optional[Union[dict, "ItemCounts2019"]])

slots.ProactiveDisclosure2019_penalty = Slot(uri=GAISCHEMA.penalty, name="ProactiveDisclosure2019_penalty", curie=GAISCHEMA.curie('penalty'),
                   model_uri=GAISCHEMA.ProactiveDisclosure2019_penalty, domain=ProactiveDisclosure2019, range=Optional[Union[dict, "ItemCounts2019"]])

slots.ProactiveDisclosure2019_coercion = Slot(uri=GAISCHEMA.coercion, name="ProactiveDisclosure2019_coercion", curie=GAISCHEMA.curie('coercion'),
                   model_uri=GAISCHEMA.ProactiveDisclosure2019_coercion, domain=ProactiveDisclosure2019, range=Optional[Union[dict, "ItemCounts2019"]])

slots.ProactiveDisclosure2019_fees = Slot(uri=GAISCHEMA.fees, name="ProactiveDisclosure2019_fees", curie=GAISCHEMA.curie('fees'),
                   model_uri=GAISCHEMA.ProactiveDisclosure2019_fees, domain=ProactiveDisclosure2019, range=Optional[Union[dict, "FeeItems2019"]])

slots.ItemCounts2019_decisions = Slot(uri=GAISCHEMA.decisions, name="ItemCounts2019_decisions", curie=GAISCHEMA.curie('decisions'),
                   model_uri=GAISCHEMA.ItemCounts2019_decisions, domain=ItemCounts2019, range=Union[int, Count])

slots.HandlingResults_results_total = Slot(uri=GAISCHEMA.results_total, name="HandlingResults_results_total", curie=GAISCHEMA.curie('results_total'),
                   model_uri=GAISCHEMA.HandlingResults_results_total, domain=HandlingResults, range=Optional[Union[dict, "ApplicantCounts"]])
