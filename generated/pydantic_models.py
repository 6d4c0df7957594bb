from __future__ import annotations

import re
import sys
from datetime import (
    date,
    datetime,
    time
)
from decimal import Decimal
from enum import Enum
from typing import (
    Any,
    ClassVar,
    Literal,
    Optional,
    Union
)

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer
)


metamodel_version = "1.12.0"
version = "0.2.0"


class ConfiguredBaseModel(BaseModel):
    model_config = ConfigDict(
        serialize_by_alias = True,
        validate_by_name = True,
        validate_assignment = True,
        validate_default = True,
        extra = "forbid",
        arbitrary_types_allowed = True,
        use_enum_values = True,
        strict = False,
    )





class LinkMLMeta(RootModel):
    root: dict[str, Any] = {}
    model_config = ConfigDict(frozen=True)

    def __getattr__(self, key:str):
        return getattr(self.root, key)

    def __getitem__(self, key:str):
        return self.root[key]

    def __setitem__(self, key:str, value):
        self.root[key] = value

    def __contains__(self, key:str) -> bool:
        return key in self.root


linkml_meta = LinkMLMeta({'annotations': {'version_history': {'tag': 'version_history',
                                         'value': '0.1.0 (2026-11-27): first '
                                                  'release. Both national formats '
                                                  '(2019 试行 and 2021); tables '
                                                  '二、三、四; narrative sections 一、五、六 '
                                                  'with the 信息处理费 fact; rules '
                                                  'T3-ROW-TOTAL, T3-RESULTS-TOTAL, '
                                                  'T3-BALANCE, T4-TOTAL, T2-BLANK, '
                                                  'T3-BLANK, T4-BLANK, '
                                                  'FORMAT-VERSION-YEAR, '
                                                  'FORMAT-VERSION-TABLES, '
                                                  'META-PERIOD-START, '
                                                  'META-PERIOD-END, '
                                                  'META-PUBLISHED-AFTER-YEAR, '
                                                  'META-DEADLINE, META-FEE-AMOUNT '
                                                  'and the SCHEMA-* structure '
                                                  'rules; the extraction record '
                                                  '(source, notes) of extracted '
                                                  'instances. 0.2.0 (2026-12-01): '
                                                  'breaking: every table cell is '
                                                  'required (a blank cell was '
                                                  'allowed by the JSON Schema and '
                                                  'reported only by the T*-BLANK '
                                                  'rules). New: the narrative '
                                                  'rules (NARR-*), '
                                                  'XR-NARRATIVE-SIMILAR, the '
                                                  'exclude annotation of narrative '
                                                  'patterns and the portable '
                                                  'pattern dialect; extraction '
                                                  "note kinds, the JSON Schema's "
                                                  '$id names the version '
                                                  '(https://w3id.org/gaischema/v0.2.0/gaischema.schema.json).'}},
     'default_prefix': 'gaischema',
     'default_range': 'string',
     'description': 'gaischema is the machine-readable standard for the '
                    '政府信息公开工作年度报告 (annual report on government information '
                    'disclosure work) that every Chinese administrative organ '
                    'publishes under 《中华人民共和国政府信息公开条例》 (国务院令第711号) 第五十条, in the '
                    'national format of 国办公开办函〔2019〕60号 (report years 2019-2020) '
                    'and 国办公开办函〔2021〕30号 (report years 2021 onward). It models the '
                    'narrative sections, the three tables (二 主动公开, 三 收到和处理申请, 四 '
                    '行政复议、行政诉讼) and their accounting identities (勾稽关系). Every '
                    'table cell has exactly one slot path; every slot carries the '
                    'official Chinese label as its title. Cross-field rules are '
                    'declared as class rules; their id is the rule title and their '
                    'condition, severity, messages and official source are '
                    'annotations read by the gaischema rule engine.',
     'id': 'https://w3id.org/gaischema',
     'imports': ['linkml:types'],
     'in_language': 'zh',
     'license': 'https://creativecommons.org/publicdomain/zero/1.0/',
     'name': 'gaischema',
     'prefixes': {'dcterms': {'prefix_prefix': 'dcterms',
                              'prefix_reference': 'http://purl.org/dc/terms/'},
                  'gaischema': {'prefix_prefix': 'gaischema',
                                'prefix_reference': 'https://w3id.org/gaischema/'},
                  'linkml': {'prefix_prefix': 'linkml',
                             'prefix_reference': 'https://w3id.org/linkml/'},
                  'org': {'prefix_prefix': 'org',
                          'prefix_reference': 'http://www.w3.org/ns/org#'},
                  'schema': {'prefix_prefix': 'schema',
                             'prefix_reference': 'http://schema.org/'},
                  'xsd': {'prefix_prefix': 'xsd',
                          'prefix_reference': 'http://www.w3.org/2001/XMLSchema#'}},
     'see_also': ['https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm'],
     'source_file': 'schema/gaischema.yaml',
     'title': '政府信息公开工作年度报告数据标准 (gaischema)',
     'types': {'amount': {'base': 'Decimal',
                          'description': 'A non-negative decimal amount of money, '
                                         'in the unit that its slot names.',
                          'from_schema': 'https://w3id.org/gaischema',
                          'minimum_value': 0,
                          'name': 'amount',
                          'title': '金额',
                          'typeof': 'decimal',
                          'uri': 'xsd:decimal'},
               'count': {'base': 'int',
                         'description': 'A count of documents, decisions, '
                                        'applications or cases; a non-negative '
                                        'integer, at most 2^53 - 1 (the largest '
                                        'integer every implementation reads '
                                        'exactly; a larger one is reported, never '
                                        'silently rounded).',
                         'from_schema': 'https://w3id.org/gaischema',
                         'maximum_value': 9007199254740991,
                         'minimum_value': 0,
                         'name': 'count',
                         'title': '件数',
                         'typeof': 'integer',
                         'uri': 'xsd:integer'},
               'signed_count': {'base': 'int',
                                'description': 'A change in a count from one year '
                                               'to the next (2019 format 本年增/减); '
                                               'may be negative.',
                                'from_schema': 'https://w3id.org/gaischema',
                                'maximum_value': 9007199254740991,
                                'minimum_value': -9007199254740991,
                                'name': 'signed_count',
                                'title': '增减数',
                                'typeof': 'integer',
                                'uri': 'xsd:integer'}}} )

class FormatVersionEnum(str, Enum):
    """
    The version of the national format that a report follows.
    """
    number_2019年版FULLWIDTH_LEFT_PARENTHESIS试行FULLWIDTH_RIGHT_PARENTHESIS = "v2019"
    """
    The 2019 trial format, issued with 国办公开办函〔2019〕60号; for report years 2019 and 2020. Table 二 has other columns and an item （九）政府集中采购; table 三 （六）其他处理 is a single row.
    """
    number_2021年版 = "v2021"
    """
    The current format, issued with 国办公开办函〔2021〕30号 (2021-09-26); for report years 2021 onward.
    """


class OrganKindEnum(str, Enum):
    """
    The kind of publishing organ, which decides the publication deadline of 条例第四十九条. The deadline annotation is the month and day of the year after the report year.
    """
    人民政府 = "people_government"
    """
    A people's government (县级以上地方各级人民政府); its report is due by 31 March of the next year.
    """
    政府部门 = "government_department"
    """
    A department of a people's government (县级以上人民政府部门); its report is due by 31 January of the next year.
    """


class OrganLevelEnum(str, Enum):
    """
    The level of government an organ belongs to, in an organ roster (OrganRecord): 省 (province and municipality directly under the central government), 市 (prefecture-level city, autonomous prefecture), 县 (county, county-level city, district), 乡 (township, town, sub-district).
    """
    省 = "province"
    """
    Province, autonomous region, municipality directly under the central government.
    """
    市 = "city"
    """
    Prefecture-level city, autonomous prefecture, league.
    """
    县 = "county"
    """
    County, county-level city, urban district, banner.
    """
    乡 = "township"
    """
    Township, town, sub-district (街道).
    """


class RosterKindEnum(str, Enum):
    """
    What an organ on a roster (OrganRecord) is.
    """
    人民政府 = "government"
    """
    A people's government; a place's own name (平潭综合实验区, 北仑区) stands for it.
    """
    部门 = "department"
    """
    A department or office of a people's government (局, 委员会, 办公室 …).
    """
    片区 = "zone"
    """
    An area governed by a 管理委员会 (综合实验区, 开发区, 新区, 片区) rather than a people's government; its 管理委员会 (管委会) publishes as its government does.
    """


class ApplicantColumnEnum(str, Enum):
    """
    The seven applicant columns of table 三. They key the slots of ApplicantCounts, the column of every table 三 cell in exports and messages, and the per-column rules (for_each). The five kinds of 法人或其他组织 have no subtotal column.
    """
    自然人 = "natural_person"
    """
    Natural persons (individuals).
    """
    商业企业 = "commercial_enterprise"
    """
    Legal persons or other organisations - commercial enterprises.
    """
    科研机构 = "research_institution"
    """
    Legal persons or other organisations - research institutions.
    """
    社会公益组织 = "social_welfare_org"
    """
    Legal persons or other organisations - social public-welfare organisations.
    """
    法律服务机构 = "legal_service_org"
    """
    Legal persons or other organisations - legal service institutions.
    """
    其他 = "other_org"
    """
    Legal persons or other organisations - others.
    """
    总计 = "total"
    """
    The total over all applicants.
    """


class HandlingOutcomeEnum(str, Enum):
    """
    The six categories of handling outcome of table 三 三、本年度办理结果. They key the slots of HandlingResults and give the outcome of every result cell in exports.
    """
    FULLWIDTH_LEFT_PARENTHESIS一FULLWIDTH_RIGHT_PARENTHESIS予以公开 = "granted"
    """
    Information disclosed in full.
    """
    FULLWIDTH_LEFT_PARENTHESIS二FULLWIDTH_RIGHT_PARENTHESIS部分公开FULLWIDTH_LEFT_PARENTHESIS区分处理的FULLWIDTH_COMMA只计这一情形FULLWIDTH_COMMA不计其他情形FULLWIDTH_RIGHT_PARENTHESIS = "partially_granted"
    """
    Information disclosed in part after separating what may not be disclosed; counted only here.
    """
    FULLWIDTH_LEFT_PARENTHESIS三FULLWIDTH_RIGHT_PARENTHESIS不予公开 = "denied"
    """
    Disclosure refused, for one of eight reasons (DenialReasonEnum).
    """
    FULLWIDTH_LEFT_PARENTHESIS四FULLWIDTH_RIGHT_PARENTHESIS无法提供 = "unable"
    """
    The information cannot be provided, for one of three reasons (UnableReasonEnum).
    """
    FULLWIDTH_LEFT_PARENTHESIS五FULLWIDTH_RIGHT_PARENTHESIS不予处理 = "not_processed"
    """
    The application is not processed, for one of five reasons (NotProcessedReasonEnum).
    """
    FULLWIDTH_LEFT_PARENTHESIS六FULLWIDTH_RIGHT_PARENTHESIS其他处理 = "other_handling"
    """
    Other handling; three reasons in the 2021 format (OtherHandlingReasonEnum), one row in 2019.
    """


class DenialReasonEnum(str, Enum):
    """
    The eight reasons of table 三 （三）不予公开. They key the slots of DenialReasons.
    """
    number_1FULL_STOP属于国家秘密 = "state_secret"
    """
    The information is a state secret.
    """
    number_2FULL_STOP其他法律行政法规禁止公开 = "prohibited_by_law"
    """
    Disclosure is prohibited by other laws or administrative regulations.
    """
    number_3FULL_STOP危及LEFT_DOUBLE_QUOTATION_MARK三安全一稳定RIGHT_DOUBLE_QUOTATION_MARK = "security_stability"
    """
    Disclosure would endanger national security, public security, economic security or social stability.
    """
    number_4FULL_STOP保护第三方合法权益 = "third_party_rights"
    """
    Refused to protect the lawful rights and interests of a third party (trade secrets, personal privacy).
    """
    number_5FULL_STOP属于三类内部事务信息 = "internal_affairs"
    """
    Internal affairs information (personnel, logistics, internal workflow).
    """
    number_6FULL_STOP属于四类过程性信息 = "process_information"
    """
    Process information (discussion records, drafts, consultation letters, requests and reports).
    """
    number_7FULL_STOP属于行政执法案卷 = "enforcement_files"
    """
    Administrative law-enforcement case files.
    """
    number_8FULL_STOP属于行政查询事项 = "administrative_query"
    """
    Matters of administrative query governed by special access rules (e.g. business or real-estate registers).
    """


class UnableReasonEnum(str, Enum):
    """
    The three reasons of table 三 （四）无法提供. They key the slots of UnableReasons.
    """
    number_1FULL_STOP本机关不掌握相关政府信息 = "not_held"
    """
    The organ does not hold the information.
    """
    number_2FULL_STOP没有现成信息需要另行制作 = "needs_creation"
    """
    No existing information; it would have to be created.
    """
    number_3FULL_STOP补正后申请内容仍不明确 = "still_unclear"
    """
    The request is still unclear after correction.
    """


class NotProcessedReasonEnum(str, Enum):
    """
    The five reasons of table 三 （五）不予处理. They key the slots of NotProcessedReasons.
    """
    number_1FULL_STOP信访举报投诉类申请 = "petition_complaint"
    """
    The application is in substance a petition, report or complaint.
    """
    number_2FULL_STOP重复申请 = "repeated"
    """
    A repeated application.
    """
    number_3FULL_STOP要求提供公开出版物 = "publication"
    """
    The applicant asks for a public publication.
    """
    number_4FULL_STOP无正当理由大量反复申请 = "excessive"
    """
    Large numbers of repeated applications without a proper reason.
    """
    number_5FULL_STOP要求行政机关确认或重新出具已获取信息 = "confirmation"
    """
    The applicant asks the organ to confirm or re-issue information already obtained.
    """


class OtherHandlingReasonEnum(str, Enum):
    """
    The three reasons of table 三 （六）其他处理 in the 2021 format. They key the slots of OtherHandlingReasons.
    """
    number_1FULL_STOP申请人无正当理由逾期不补正IDEOGRAPHIC_COMMA行政机关不再处理其政府信息公开申请 = "no_correction"
    """
    The applicant did not correct the application in time without a proper reason; no longer processed.
    """
    number_2FULL_STOP申请人逾期未按收费通知要求缴纳费用IDEOGRAPHIC_COMMA行政机关不再处理其政府信息公开申请 = "fee_unpaid"
    """
    The applicant did not pay the information processing fee in time; no longer processed.
    """
    number_3FULL_STOP其他 = "other_reason"
    """
    Other handling.
    """


class CaseColumnEnum(str, Enum):
    """
    The five result columns of each group of table 四. They key the slots of CaseCounts.
    """
    结果维持 = "upheld"
    """
    The decision was upheld.
    """
    结果纠正 = "corrected"
    """
    The decision was corrected.
    """
    其他结果 = "other_result"
    """
    Other results (withdrawn, dismissed, ...).
    """
    尚未审结 = "pending"
    """
    Not yet concluded.
    """
    总计 = "total"
    """
    The total of the four results.
    """


class CaseGroupEnum(str, Enum):
    """
    The three groups of table 四. They key the slots of ReviewsAndLitigation.
    """
    行政复议 = "administrative_review"
    """
    Administrative reconsideration.
    """
    未经复议直接起诉 = "litigation_direct"
    """
    Administrative litigation brought directly, without reconsideration.
    """
    复议后起诉 = "litigation_after_review"
    """
    Administrative litigation brought after reconsideration.
    """


class NarrativeSectionEnum(str, Enum):
    """
    The narrative sections of a report; the cross-report rule XR-NARRATIVE-REPEAT runs over them.
    """
    一IDEOGRAPHIC_COMMA总体情况 = "overview"
    """
    Section 一, the overview.
    """
    五IDEOGRAPHIC_COMMA存在的主要问题及改进情况 = "problems_and_improvements"
    """
    Section 五, problems and improvements.
    """
    六IDEOGRAPHIC_COMMA其他需要报告的事项 = "other_matters"
    """
    Section 六, other matters.
    """


class DocumentKindEnum(str, Enum):
    """
    The two rows of 第二十条第（一）项; the cross-report rule XR-IN-FORCE runs over them.
    """
    规章 = "regulations"
    """
    Rules (规章).
    """
    行政规范性文件 = "normative_documents"
    """
    Administrative normative documents.
    """


class SourceFormatEnum(str, Enum):
    """
    The kind of published file an instance was extracted from.
    """
    文本 = "txt"
    """
    A plain-text copy of a report (one cell per line, cells separated by spaces, or run together).
    """
    网页 = "html"
    """
    An HTML page.
    """
    Word_文档 = "docx"
    """
    A Word (.docx) file.
    """
    Markdown_文本 = "md"
    """
    A Markdown text (for example the text layer of a PDF converted by another tool).
    """
    Excel_工作簿 = "xlsx"
    """
    An Excel (.xlsx) workbook, such as the fill-in template of gaischema.
    """
    PDF_文件 = "pdf"
    """
    A PDF file: with a text layer (browser-printed, office-suite-saved or WPS-made), or pages of pictures (a scan) read by OCR, each value's confidence in its note.
    """


class ExtractionNoteKindEnum(str, Enum):
    """
    Why the extractor says something about a cell, a row or a field.
    """
    单元格空白 = "blank"
    """
    The cell is blank in the source (empty, or a mark such as —, / or 无); it stays blank.
    """
    无法读取 = "unreadable"
    """
    The source has something in this place that is not a number; the cell stays blank.
    """
    推断拆分 = "inferred"
    """
    The digits of a row were run together in the source and the print leaves several splits open, or OCR could not read a cell reliably (see low_confidence); exactly one split, or one value, satisfies the rules (row total, results total, balance, table 四 totals), or, for a table 二 row, agrees with the numbers the report's own text states (the note quotes the sentence), and it was taken. Digits whose split the print determines (as many digits as cells) are read as printed, without a note.
    """
    拆分不唯一 = "ambiguous"
    """
    The digits were run together and several splits satisfy the rules; the cells stay blank. The validator reports the row once as READ-AMBIGUOUS (a limit of the reading, the printed digits as the reported value) and does not report its cells as left blank by the organ.
    """
    无法拆分 = "impossible"
    """
    The digits were run together and no split satisfies the rules; the cells stay blank.
    """
    印刷数字不满足勾稽关系 = "no_consistent_reading"
    """
    The digits were run together, the print leaves several splits open, and no split satisfies the rule named in note_rule (a row total, the results total, the balance, a table 四 total): the report's arithmetic is wrong whatever the cells are. The cells stay blank; the validator reports the named rule as an error with the printed digits (note_raw) as the reported value, and does not report the row's cells as left blank by the organ.
    """
    含单位 = "unit"
    """
    The cell holds a unit beside its number (e.g. 251000元); the number was read and the unit noted. Where the column names another unit (本年收费金额（单位：万元）), the number was converted exactly to it and the note says so.
    """
    未找到 = "missing"
    """
    A table, row, section or field was not found in the source. For a row of a table (the extractor notes each official row it did not find), the cells stay blank; the validator reports the row once as READ-NOT-FOUND (a limit of the reading) and does not report its cells as left blank by the organ. The path "" (the report) says the report was published without its tables (TABLES-MISSING).
    """
    来源 = "source"
    """
    Where a metadata field was read (发布机构 line, title, signature, statistical period); note_raw holds the value read.
    """
    按位置读取 = "positional"
    """
    The row's label is missing or unreadable in the source; the row was read by its position, between two rows matched by their labels, where exactly as many value rows as missing official rows stand.
    """
    分组合为一行 = "group_row"
    """
    A group of rows (e.g. （六）其他处理 in a 2021 report) is printed as one row. All zeros: each sub-row is 0 (counts are never negative). Otherwise the sub-rows stay blank: a total is never spread.
    """
    文字识别读取 = "ocr"
    """
    The cell's value was read by OCR from a picture (a scanned page, a table pasted into a Word file as a picture) with at least the confidence bound; note_confidence holds the recogniser's confidence.
    """
    识别不可靠 = "low_confidence"
    """
    OCR found ink in the cell but read it below the confidence bound, or read no number; the cell stays blank (note_raw holds what was read, note_confidence its confidence), unless the identities the schema declares allow exactly one value, which is then taken with an inferred note. The validator reports the blank cell once as READ-UNRELIABLE (a limit of the reading), not as left blank by the organ.
    """
    含附注 = "remark"
    """
    The cell holds a remark in brackets beside its number (e.g. 55（含自然失效29件）); the number was read.
    """
    合并单元格 = "merged"
    """
    A value cell is merged with the row above; it is read once, for the row it starts in.
    """
    人工更正 = "corrected"
    """
    An evaluator corrected the cell (gaischema correct, the corrections file corrections.yaml beside the report page): the instance holds the corrected value; note_raw holds the value the extractor read (empty when it read none) and note_message the reason and who gave it.
    """


class PlaceKindEnum(str, Enum):
    """
    How a cell's place in the source is given (see CellSource).
    """
    页面区域 = "box"
    """
    A box on a page of a PDF file or a scan: place_page and place_bbox (points, top-left origin), the union of the boxes of the characters (PDFium's) or OCR's words the value was read from, or the ruled table cell's box.
    """
    表格单元格 = "table"
    """
    A cell of a table of an HTML page, a Word file or Markdown (place_table, place_row, place_col, from 1), or of a workbook (place_sheet and place_cell, an A1 name).
    """
    文本字符 = "text"
    """
    Characters of a text copy: place_line (from 1) and the characters [place_start, place_end) on it (from 0); where the source has no lines (a paragraph of an HTML page), place_paragraph instead.
    """



class AnnualReport(ConfiguredBaseModel):
    """
    One organ's annual report on government information disclosure work for one year. Table 二 is proactive_disclosure (2021 format) or proactive_disclosure_2019 (2019 format).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'class_uri': 'gaischema:AnnualReport',
         'close_mappings': ['schema:Report'],
         'from_schema': 'https://w3id.org/gaischema',
         'rules': [{'annotations': {'kind': {'tag': 'kind', 'value': 'complete'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The cell is blank; the '
                                                            'national format requires '
                                                            'a number in every cell (0 '
                                                            'when none)'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '表格单元格空白：年度报告格式要求每个单元格填写数字（无则填0）'},
                                    'scope': {'tag': 'scope',
                                              'value': 'proactive_disclosure '
                                                       'proactive_disclosure_2019'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条；国办公开办函〔2021〕30号/〔2019〕60号 '
                                                        '年度报告格式 表二'}},
                    'description': "Every cell of table 二 of the report's format "
                                   'version is filled; a blank cell is an error.',
                    'title': 'T2-BLANK'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'complete'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The cell is blank; the '
                                                            'national format requires '
                                                            'a number in every cell (0 '
                                                            'when none)'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '表格单元格空白：年度报告格式要求每个单元格填写数字（无则填0）'},
                                    'scope': {'tag': 'scope', 'value': 'applications'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条；年度报告格式 表三'}},
                    'description': "Every cell of table 三 of the report's format "
                                   'version is filled; a blank cell is an error.',
                    'title': 'T3-BLANK'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'complete'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The cell is blank; the '
                                                            'national format requires '
                                                            'a number in every cell (0 '
                                                            'when none)'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '表格单元格空白：年度报告格式要求每个单元格填写数字（无则填0）'},
                                    'scope': {'tag': 'scope',
                                              'value': 'reviews_and_litigation'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条；年度报告格式 表四'}},
                    'description': 'Every cell of table 四 is filled; a blank cell is '
                                   'an error.',
                    'title': 'T4-BLANK'},
                   {'annotations': {'kind': {'tag': 'kind',
                                             'value': 'reading_ambiguous'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The row's digits are "
                                                            'printed run together and '
                                                            'more than one reading '
                                                            'satisfies the rules; the '
                                                            'reading left it blank '
                                                            '(the organ did not), fill '
                                                            'it in from the source'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '该行数字连写印刷，有不止一种读法符合规则，抽取时未能确定、留空（并非机关未填报），请对照原文填写'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema 抽取说明 '
                                                        'ambiguous（docs/rule-language.md '
                                                        '“Printed digits that more '
                                                        'than one reading fits”）'}},
                    'description': 'The digits of a row were printed run together and '
                                   'more than one reading of them satisfies the rules: '
                                   'the extractor left the row blank (an extraction '
                                   'note of kind ambiguous). One warning for the row, '
                                   'the printed digits as the reported value, instead '
                                   'of the blank-cell errors: the limit is the '
                                   "reading's, the organ printed the row. A person "
                                   'reads the row in the source and fills it in.',
                    'title': 'READ-AMBIGUOUS'},
                   {'annotations': {'kind': {'tag': 'kind',
                                             'value': 'reading_not_found'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The reader did not find '
                                                            'the row in the source and '
                                                            'left it blank (the organ '
                                                            'did not); find it in the '
                                                            'source and fill it in'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '抽取时未在原文中找到该行，留空（并非机关未填报），请对照原文填写'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema 抽取说明 '
                                                        'missing（docs/rule-language.md '
                                                        '“Rows the reading did not '
                                                        'find”）'}},
                    'description': 'The extractor did not find a row of a table in the '
                                   'source (an extraction note of kind missing: a '
                                   'label it could not match, a row it could not '
                                   'place) and left it blank. One warning for the row '
                                   'instead of the blank-cell errors: the limit is the '
                                   "reading's, not the organ's, which may well have "
                                   'printed the row. A table blank as a whole because '
                                   'none of its rows was read gives one warning per '
                                   'row not found; a row of it that was found printed '
                                   'blank is still a blank-cell error. A person finds '
                                   'the row in the source and fills it in.',
                    'title': 'READ-NOT-FOUND'},
                   {'annotations': {'kind': {'tag': 'kind',
                                             'value': 'reading_unreliable'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'OCR could not read the '
                                                            'cell reliably and left it '
                                                            'blank (the organ did '
                                                            'not); check it in the '
                                                            'source and fill it in'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '文字识别未能可靠读取该单元格，留空（并非机关未填报），请对照原文填写'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema 抽取说明 '
                                                        'low_confidence（docs/rule-language.md '
                                                        '“Cells OCR read '
                                                        'unreliably”）'}},
                    'description': 'OCR read a cell of a table below the confidence '
                                   'bound (a scanned page, a table pasted as a '
                                   'picture) and the extractor left it blank (an '
                                   'extraction note of kind low_confidence). One '
                                   'warning for the cell, with the text OCR read as '
                                   'the reported value, instead of the blank-cell '
                                   'error: the organ printed something in the cell; '
                                   'the reading could not trust it. A row or table '
                                   'blank as a whole above such a cell is opened into '
                                   'its parts; a cell of it printed blank is still a '
                                   'blank-cell error. A person reads the cell in the '
                                   'source and fills it in.',
                    'title': 'READ-UNRELIABLE'},
                   {'annotations': {'characters': {'tag': 'characters',
                                                   'value': 'U+00AD U+034F '
                                                            'U+0600..U+0605 U+061C '
                                                            'U+06DD U+070F '
                                                            'U+0890..U+0891 U+08E2 '
                                                            'U+115F..U+1160 U+180E '
                                                            'U+200B..U+200F '
                                                            'U+202A..U+202E '
                                                            'U+2060..U+2064 '
                                                            'U+2066..U+206F U+3164 '
                                                            'U+FEFF U+FFA0 '
                                                            'U+FFF9..U+FFFB U+110BD '
                                                            'U+110CD U+13430..U+13438 '
                                                            'U+1BCA0..U+1BCA3 '
                                                            'U+1D173..U+1D17A U+E0001 '
                                                            'U+E0020..U+E007F'},
                                    'kind': {'tag': 'kind',
                                             'value': 'invisible_characters'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The organ name holds '
                                                            'invisible characters '
                                                            '({reported}); they are '
                                                            'left out when it is '
                                                            "matched with other years' "
                                                            'reports'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '机关名称中含有不可见字符（{reported}），与其他年度比较时已去除'},
                                    'scope': {'tag': 'scope', 'value': 'organ'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema '
                                                        '机关名称比对（docs/rule-language.md '
                                                        '“Invisible characters”）'}},
                    'description': 'The organ name holds characters nobody sees (a '
                                   'zero-width space U+200B, a byte order mark U+FEFF, '
                                   'a soft hyphen U+00AD, the other format '
                                   'characters): they are left out of the key that '
                                   "matches the report with the same organ's other "
                                   'reports (docs/rule-language.md "Cross-report '
                                   'rules"), and noted, since they would keep a plain '
                                   'comparison of the name from matching. The '
                                   "characters are the rule's `characters` (the format "
                                   'characters, category Cf, of Unicode 14, and the '
                                   'combining grapheme joiner and the Hangul fillers, '
                                   'which render as nothing): one list, which the '
                                   'organ key removes and this rule names.',
                    'title': 'INPUT-INVISIBLE'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'tables_present'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The report lacks the '
                                                            'tables of the national '
                                                            'format (tables 二, 三 and '
                                                            '四); none of their figures '
                                                            'is published'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '年度报告缺少年度报告格式规定的统计表格（表二、表三、表四），各表数据均未公布'},
                                    'scope': {'tag': 'scope',
                                              'value': 'proactive_disclosure '
                                                       'proactive_disclosure_2019 '
                                                       'applications '
                                                       'reviews_and_litigation'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条；国办公开办函〔2021〕30号/〔2019〕60号 '
                                                        '年度报告格式 表二、表三、表四'}},
                    'description': 'The report holds the tables of the national '
                                   'format: a report published without them (its text '
                                   'has the headings and the narrative, no table 二, 三 '
                                   'or 四) is one error, not one blank-cell error per '
                                   'table.',
                    'title': 'TABLES-MISSING'},
                   {'annotations': {'kind': {'tag': 'kind',
                                             'value': 'version_structure'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'This table or row belongs '
                                                            'to the other version of '
                                                            'the national format, not '
                                                            'to format_version'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '该表格或行属于另一版本的年度报告格式，与 '
                                                            'format_version 不符'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '国办公开办函〔2021〕30号；国办公开办函〔2019〕60号'}},
                    'description': 'A table or row that belongs to the other format '
                                   'version is present.',
                    'title': 'FORMAT-VERSION-TABLES'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'format_version == '
                                                            'format_version_for(report_year)'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The format version does '
                                                            'not apply to the report '
                                                            'year: reported '
                                                            '{reported}, expected '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '报告年度应使用的格式版本与所填版本不符：填报 '
                                                            '{reported}，应为 {expected}'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '国办公开办函〔2021〕30号（2021年度起使用新格式）'}},
                    'description': 'The format version is the one that applies to the '
                                   'report year (2019 format for 2019-2020, 2021 '
                                   'format from 2021).',
                    'title': 'FORMAT-VERSION-YEAR'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'statistical_period.start_date '
                                                            '>= date(report_year, 1, '
                                                            '1)'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The statistical period '
                                                            'starts before the report '
                                                            'year: reported '
                                                            '{reported}, expected on '
                                                            'or after {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '统计期限起始日期早于报告年度：填报 '
                                                            '{reported}，应不早于 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式：统计期限自当年1月1日起至12月31日止'}},
                    'description': 'The statistical period starts inside the report '
                                   'year.',
                    'title': 'META-PERIOD-START'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'statistical_period.end_date '
                                                            '<= date(report_year, 12, '
                                                            '31)'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The statistical period '
                                                            'ends after the report '
                                                            'year: reported '
                                                            '{reported}, expected on '
                                                            'or before {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '统计期限截止日期晚于报告年度：填报 '
                                                            '{reported}，应不晚于 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式：统计期限自当年1月1日起至12月31日止'}},
                    'description': 'The statistical period ends inside the report '
                                   'year.',
                    'title': 'META-PERIOD-END'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'publication_date > '
                                                            'date(report_year, 12, '
                                                            '31)'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The report is dated '
                                                            'before the end of its '
                                                            'year: reported '
                                                            '{reported}, expected '
                                                            'after {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '发布日期早于报告年度结束：填报 '
                                                            '{reported}，应晚于 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '条例第四十九条（每年1月31日/3月31日前公布本机关上一年度报告）'}},
                    'description': 'A report is published after the end of the year it '
                                   'reports on.',
                    'title': 'META-PUBLISHED-AFTER-YEAR'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'publication_date <= '
                                                            'deadline_for(organ_kind, '
                                                            'report_year)'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Published after the '
                                                            'deadline of article 49: '
                                                            'reported {reported}, '
                                                            'deadline {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '发布日期晚于条例第四十九条规定的期限：填报 '
                                                            '{reported}，期限 {expected}'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source', 'value': '条例第四十九条'}},
                    'description': 'The report is published by the deadline of 条例第四十九条 '
                                   'for its organ kind: 31 January of the next year '
                                   'for a government department, 31 March for a '
                                   "people's government.",
                    'title': 'META-DEADLINE'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'processing_fee_amount == '
                                                            '0'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Section 六 says no '
                                                            'processing fee was '
                                                            'charged, yet the amount '
                                                            'is not 0: reported '
                                                            '{reported}, expected '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '第六部分称未收取信息处理费，但收费金额不为0：填报 '
                                                            '{reported}，应为 {expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'},
                                    'when': {'tag': 'when',
                                             'value': 'processing_fee_charged == '
                                                      'False'}},
                    'description': 'When section 六 states that no information '
                                   'processing fee was charged, the fee amount is '
                                   'absent or zero.',
                    'title': 'META-FEE-AMOUNT'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'applications.carried_over.{c} '
                                                            '== '
                                                            'prev.applications.carried_forward.{c}'},
                                    'for_each': {'tag': 'for_each',
                                                 'value': 'ApplicantColumnEnum'},
                                    'kind': {'tag': 'kind', 'value': 'cross_report'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Carried over from last '
                                                            'year does not match last '
                                                            "year's report: reported "
                                                            '{reported}, last year '
                                                            'carried forward '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '上年结转与上一年度报告的“结转下年度继续办理”不符：填报 '
                                                            '{reported}，上一年度为 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 '
                                                        '表三（上年结转与上一年度报告的结转下年度继续办理应一致）'}},
                    'description': 'Across reports of the same organ (matched on '
                                   '行政区划代码 and the normalised organ name): 二、上年结转 this '
                                   "year equals 四、结转下年度继续办理 of the previous year's "
                                   'report, per applicant column.',
                    'title': 'XR-CARRY-OVER'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'proactive_disclosure.{c}.in_force '
                                                            '== '
                                                            'prev.proactive_disclosure.{c}.in_force '
                                                            '+ '
                                                            'proactive_disclosure.{c}.issued '
                                                            '- '
                                                            'proactive_disclosure.{c}.repealed'},
                                    'for_each': {'tag': 'for_each',
                                                 'value': 'DocumentKindEnum'},
                                    'kind': {'tag': 'kind', 'value': 'cross_report'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Documents in force do not '
                                                            "follow from last year's: "
                                                            'reported {reported}, last '
                                                            "year's + issued - "
                                                            'repealed = {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '现行有效件数与上一年度不衔接：填报 '
                                                            '{reported}，按上一年度现行有效加本年制发减本年废止应为 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表二 第二十条第（一）项'}},
                    'description': 'Across reports of the same organ: 现行有效件数 this year '
                                   "= last year's 现行有效件数 + 本年制发件数 − 本年废止件数 (2021 "
                                   'format); it fails legitimately now and then (e.g. '
                                   'after a clean-up), hence a warning.',
                    'title': 'XR-IN-FORCE'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': '{c} != prev.{c}'},
                                    'for_each': {'tag': 'for_each',
                                                 'value': 'NarrativeSectionEnum'},
                                    'kind': {'tag': 'kind', 'value': 'cross_report'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The section is word for '
                                                            'word the same as in last '
                                                            "year's report"},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '该部分与上一年度报告逐字相同'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条（年度报告应如实反映本年度工作）'}},
                    'description': 'Across reports of the same organ, a narrative '
                                   "section is word for word the previous year's.",
                    'title': 'XR-NARRATIVE-REPEAT'},
                   {'annotations': {'candidates': {'tag': 'candidates', 'value': '4'},
                                    'for_each': {'tag': 'for_each',
                                                 'value': 'NarrativeSectionEnum'},
                                    'kind': {'tag': 'kind', 'value': 'near_duplicate'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The section is nearly the '
                                                            'same as in another report '
                                                            '(similarity {reported}), '
                                                            'as if copied: {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '该部分与另一份年度报告的同一部分几乎相同（相似度 '
                                                            '{reported}），疑似照抄：{expected}'},
                                    'min_length': {'tag': 'min_length', 'value': '200'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条（年度报告应如实反映本机关本年度工作）'},
                                    'threshold': {'tag': 'threshold', 'value': '0.8'}},
                    'description': 'Across a corpus, a narrative section is nearly the '
                                   'same (not word for word) as the same section of '
                                   "another organ's report of the same year, or of the "
                                   "same organ's previous report: copied and lightly "
                                   'edited. Similarity is the Jaccard index of the '
                                   "sections' sets of sentences (text between 。；！？, "
                                   'spaces removed), estimated from a MinHash sketch '
                                   'of 32 values; sections shorter than min_length '
                                   'characters are not compared (一句“无。” is the same '
                                   'everywhere). Reports of one year are compared only '
                                   'with the first `candidates` reports of each band '
                                   'bucket they are in, and linked reports form '
                                   'clusters, so that a template copied by thousands '
                                   'of reports costs linear time; a report gets one '
                                   'finding a section, naming the earliest report it '
                                   "is linked to (else its previous year's).",
                    'title': 'XR-NARRATIVE-SIMILAR'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'copies'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Two copies of one annual '
                                                            'report disagree in this '
                                                            'cell: this copy '
                                                            '{reported}, the other '
                                                            'copy {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '同一年度报告的两份副本在此单元格不一致：本副本为 '
                                                            '{reported}，另一副本为 '
                                                            '{expected}'},
                                    'scope': {'tag': 'scope',
                                              'value': 'proactive_disclosure '
                                                       'proactive_disclosure_2019 '
                                                       'applications '
                                                       'reviews_and_litigation'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条（同一年度报告的不同版本应一致）'}},
                    'description': 'Two inputs with the same organ identity '
                                   '(canonical_organ, else the normalised organ name, '
                                   'with division_code) and the same report year are '
                                   'one report published in several forms (a web page, '
                                   'its Word-made PDF, a scan, a text copy). Every '
                                   'table cell in which a copy differs from the first '
                                   'copy read (a value against another value, or '
                                   'against a blank) is a finding on that copy, naming '
                                   "the first copy's file and value: one of the two is "
                                   'misread, or the publication was changed.',
                    'title': 'XR-COPIES-DISAGREE'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'roster'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The roster's organ "
                                                            '{reported} has no annual '
                                                            'report for {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '名录所列机关 {reported} 没有 '
                                                            '{expected} '
                                                            '年度的政府信息公开工作年度报告'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条（各级行政机关应当每年公布本机关政府信息公开工作年度报告）'}},
                    'description': 'An organ on the roster (OrganRoster, `--organs '
                                   'FILE`) that existed in a report year covered by '
                                   'the run (between its first_year and last_year) has '
                                   'no report of that year among the inputs. Checked '
                                   'only against a roster: a corpus alone cannot say '
                                   'who is missing.',
                    'title': 'XR-NOT-PUBLISHED'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'applications received '
                                                            'does not match table 三: '
                                                            'text {reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述收到申请数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:收到|受理|接收|接到|新收)[^。；！？，]{0,24}?申请[^。；！？，,0-9]{0,8}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.new_applications.total '
                                                          '; '
                                                          'applications.new_applications.total '
                                                          '+ '
                                                          'applications.carried_over.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '条例第五十条；年度报告格式 表三 一、本年新收'}},
                    'description': 'The number of applications the text says were '
                                   'received (收到/受理/接收…申请 N 件) is 本年新收 总计, or 本年新收 '
                                   'plus 上年结转 (both readings are in use).',
                    'title': 'NARR-RECEIVED'},
                   {'annotations': {'exclude': {'tag': 'exclude', 'value': '公开答复|结转'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'applications answered '
                                                            'does not match table 三: '
                                                            'text {reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述办结申请数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:办结|答复|办理完毕)[^。；！？，0-9]{0,16}?申请[^。；！？，,0-9]{0,8}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.results.results_total.total '
                                                          '; '
                                                          'applications.results.results_total.total '
                                                          '- '
                                                          'applications.carried_over.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （七）总计'}},
                    'description': 'The number of applications the text says were '
                                   'answered (办结/答复…申请 N 件) is 办理结果 总计, with or '
                                   'without the applications carried over from last '
                                   'year. The verb and its object must both say so: '
                                   'the applications (申请) are named, so 答复人大代表建议 N 件 '
                                   'or 办结信访事项 N 件 is no statement of it; and 公开答复 '
                                   '(answered by disclosing: one outcome, 予以公开) is not '
                                   '办结, nor are the applications carried over '
                                   '(办结上年结转申请 N 件: a part of it).',
                    'title': 'NARR-HANDLED'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number granted "
                                                            'in full or in part does '
                                                            'not match table 三: text '
                                                            '{reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述予以公开及部分公开数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '予以公开(?:及|和|与|、)部分公开[^。；！？，,0-9]{0,8}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.results.granted.total '
                                                          '+ '
                                                          'applications.results.partially_granted.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （一）予以公开、（二）部分公开'}},
                    'description': '予以公开及部分公开 N 件 is （一）予以公开 plus （二）部分公开.',
                    'title': 'NARR-GRANTED-AND-PARTIAL'},
                   {'annotations': {'exclude': {'tag': 'exclude',
                                                'value': '予以公开[及和与、]'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number granted "
                                                            'does not match table 三: '
                                                            'text {reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述予以公开数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '予以公开[^。；！？，,0-9]{0,6}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.results.granted.total '
                                                          '; '
                                                          'applications.results.granted.total '
                                                          '+ '
                                                          'applications.results.partially_granted.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （一）予以公开'}},
                    'description': '予以公开 N 件 (not followed by 部分公开) is （一）予以公开, or '
                                   '予以公开 plus 部分公开.',
                    'title': 'NARR-GRANTED'},
                   {'annotations': {'exclude': {'tag': 'exclude',
                                                'value': '[及和与、]部分公开'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number granted "
                                                            'in part does not match '
                                                            'table 三: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述部分公开数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '部分公开[^。；！？，,0-9]{0,6}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.results.partially_granted.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （二）部分公开'}},
                    'description': '部分公开 N 件 (not after 予以公开及) is （二）部分公开.',
                    'title': 'NARR-PARTIAL'},
                   {'annotations': {'exclude': {'tag': 'exclude', 'value': '[无未]不予公开'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number refused "
                                                            'does not match table 三: '
                                                            'text {reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述不予公开数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '不予公开[^。；！？，,0-9]{0,6}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'sum(applications.results.denied.*.total) '
                                                          '; '
                                                          'applications.results.denied.*.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （三）不予公开'}},
                    'description': '不予公开 N 件 is the sum of the eight rows of （三）不予公开; '
                                   'a text may quote one reason only, so any one row '
                                   'also agrees.',
                    'title': 'NARR-DENIED'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number unable "
                                                            'to provide does not match '
                                                            'table 三: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述无法提供数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '无法提供[^。；！？，,0-9]{0,6}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'sum(applications.results.unable.*.total)'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （四）无法提供'}},
                    'description': '无法提供 N 件 is the sum of the three rows of （四）无法提供.',
                    'title': 'NARR-UNABLE'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number not "
                                                            'processed does not match '
                                                            'table 三: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述不予处理数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '不予处理[^。；！？，,0-9]{0,6}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'sum(applications.results.not_processed.*.total)'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （五）不予处理'}},
                    'description': '不予处理 N 件 is the sum of the five rows of （五）不予处理.',
                    'title': 'NARR-NOT-PROCESSED'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number handled "
                                                            'otherwise does not match '
                                                            'table 三: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述其他处理数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '其他处理[^。；！？，,0-9]{0,6}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.results.other_handling_2019.total '
                                                          '; '
                                                          'sum(applications.results.other_handling.*.total)'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （六）其他处理'}},
                    'description': '其他处理 N 件 is （六）其他处理 (the sum of its three rows in '
                                   'the 2021 format).',
                    'title': 'NARR-OTHER-HANDLING'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'applications by natural '
                                                            'persons does not match '
                                                            'table 三: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述自然人申请数与表三不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:其中|涉及|来自)自然人(?:申请|提出)?[^。；！？，,0-9]{0,4}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.new_applications.natural_person '
                                                          '; '
                                                          'applications.new_applications.natural_person '
                                                          '+ '
                                                          'applications.carried_over.natural_person'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 申请人情况 自然人'}},
                    'description': '其中/涉及自然人 N 件 is 本年新收 × 自然人 (or with 上年结转).',
                    'title': 'NARR-NATURAL-PERSON'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'administrative reviews '
                                                            'does not match table 四: '
                                                            'text {reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述行政复议数与表四不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '行政复议(?:案件|申请)?[^。；！？，,0-9]{0,4}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'reviews_and_litigation.administrative_review.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表四 行政复议'}},
                    'description': '行政复议 N 件 is 表四 行政复议 总计.',
                    'title': 'NARR-REVIEW'},
                   {'annotations': {'exclude': {'tag': 'exclude',
                                                'value': '复议后(?:行政)?诉讼'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'lawsuits does not match '
                                                            'table 四: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述行政诉讼数与表四不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '诉讼(?:案件)?[^。；！？，,0-9]{0,4}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'reviews_and_litigation.litigation_direct.total '
                                                          '+ '
                                                          'reviews_and_litigation.litigation_after_review.total '
                                                          '; '
                                                          'reviews_and_litigation.litigation_direct.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表四 行政诉讼'}},
                    'description': '(行政)诉讼 N 件 is 表四 未经复议直接起诉 总计 plus 复议后起诉 总计 (or the '
                                   'first alone).',
                    'title': 'NARR-LITIGATION'},
                   {'annotations': {'exclude': {'tag': 'exclude', 'value': '现行|废止|清理'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'rules issued does not '
                                                            'match table 二: text '
                                                            '{reported}, table '
                                                            '{expected} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述制发规章数与表二不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:制发|印发|出台|主动公开)[^。；！？]{0,30}?规章[^。；！？，、,0-9]{0,4}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'proactive_disclosure.regulations.issued '
                                                          '; '
                                                          'proactive_disclosure_2019.regulations.newly_made '
                                                          '; '
                                                          'proactive_disclosure_2019.regulations.newly_published'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表二 第二十条第（一）项 规章'}},
                    'description': '制发/主动公开…规章 N 件 is 表二 规章 本年制发件数 (2019 format '
                                   '本年新制作数量 or 本年新公开数量).',
                    'title': 'NARR-REGULATIONS'},
                   {'annotations': {'exclude': {'tag': 'exclude', 'value': '现行|废止|清理'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_fact'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The text's number of "
                                                            'normative documents '
                                                            'issued does not match '
                                                            'table 二: text {reported}, '
                                                            'table {expected} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述制发规范性文件数与表二不符：正文 '
                                                            '{reported}，表格 '
                                                            '{expected}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:制发|印发|出台|主动公开)[^。；！？]{0,30}?规范性文件[^。；！？，、,0-9]{0,4}?([0-9]+)件'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'proactive_disclosure.normative_documents.issued '
                                                          '; '
                                                          'proactive_disclosure_2019.normative_documents.newly_made '
                                                          '; '
                                                          'proactive_disclosure_2019.normative_documents.newly_published'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表二 第二十条第（一）项 行政规范性文件'}},
                    'description': '制发/主动公开…（行政）规范性文件 N 件 is 表二 行政规范性文件 本年制发件数 (2019 '
                                   'format 本年新制作数量 or 本年新公开数量); 现行有效 and 废止 counts are '
                                   'not this fact.',
                    'title': 'NARR-NORMATIVE-DOCUMENTS'},
                   {'annotations': {'kind': {'tag': 'kind',
                                             'value': 'narrative_percent'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The share in the text '
                                                            'does not match its count: '
                                                            'text {reported}%, from '
                                                            'the table {expected}% '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文所述比例与其件数不符：正文 '
                                                            '{reported}%，按表格应为 '
                                                            '{expected}%（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)[^。；！？%]{0,20}?([0-9]+)件[（(，,：:]?(?:占比?|比例为|比例|占总数的)?([0-9]+(?:\\.[0-9]+)?)%'},
                                    'readings': {'tag': 'readings',
                                                 'value': 'applications.results.results_total.total '
                                                          '; '
                                                          'applications.new_applications.total '
                                                          '; '
                                                          'applications.new_applications.total '
                                                          '+ '
                                                          'applications.carried_over.total'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三（正文所述比例应与表格数字一致）'}},
                    'description': 'A share the text gives for a handling outcome '
                                   '(予以公开…N 件，占 X%) is N divided by the applications '
                                   'answered (or received, or received plus carried '
                                   'over), rounded as people round (half up or half to '
                                   'even) to the decimals printed; a truncated share '
                                   'does not agree.',
                    'title': 'NARR-PERCENT'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'sum(reviews_and_litigation.*.corrected) '
                                                            '+ '
                                                            'sum(reviews_and_litigation.*.other_result) '
                                                            '+ '
                                                            'sum(reviews_and_litigation.*.pending) '
                                                            '== 0'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_claim'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The text says all were '
                                                            'upheld, yet table 四 has '
                                                            '{reported} cases '
                                                            'corrected, otherwise '
                                                            'decided or pending '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文称均获维持，但表四有纠正、其他结果或尚未审结的案件：{reported} '
                                                            '件（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '均(?:获|被|予以?|得到)?维持|全部(?:获|被|予以?|得到)?维持'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source', 'value': '年度报告格式 表四'}},
                    'description': 'The text says every review and lawsuit was upheld '
                                   '(均获维持) while table 四 has results other than 维持.',
                    'title': 'NARR-CLAIM-UPHELD'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'sum(reviews_and_litigation.*.corrected) '
                                                            '== 0'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_claim'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The text says no decision '
                                                            'was corrected, yet table '
                                                            '四 has {reported} '
                                                            'corrected ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文称未被纠错，但表四结果纠正共 '
                                                            '{reported} 件（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '未被(?:行政复议|复议)?纠错|无被纠错|零纠错|未(?:发生|出现)[^。；！？]{0,16}?(?:纠错|败诉)|零败诉|无败诉'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表四 结果纠正'}},
                    'description': 'The text says no decision was corrected (未被纠错, '
                                   '零败诉) while table 四 has 结果纠正 > 0.',
                    'title': 'NARR-CLAIM-NOT-CORRECTED'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'sum(reviews_and_litigation.*.total) '
                                                            '== 0'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_claim'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The text says there were '
                                                            'no reviews or lawsuits, '
                                                            'yet table 四 has '
                                                            '{reported} ("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文称无行政复议、行政诉讼，但表四共有 '
                                                            '{reported} 件（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:无|没有|未发生|未出现|未收到|未产生)[^。；！？，]{0,8}?行政复议[、和及或与]?(?:提起)?(?:行政)?诉讼(?:案件|情况|事件|等|的)'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source', 'value': '年度报告格式 表四'}},
                    'description': 'The text says there was no administrative review '
                                   'or lawsuit while table 四 has cases.',
                    'title': 'NARR-CLAIM-NO-CASES'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'sum(applications.results.denied.*.total) '
                                                            '== 0'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_claim'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The text says nothing was '
                                                            'refused, yet table 三 '
                                                            'refused {reported} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文称无不予公开，但表三不予公开共 '
                                                            '{reported} 件（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:无|没有|未有|未作出|未出现)不予公开'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 （三）不予公开'}},
                    'description': 'The text says no application was refused (无不予公开) '
                                   'while （三）不予公开 > 0.',
                    'title': 'NARR-CLAIM-NO-DENIAL'},
                   {'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'processing_fee_amount == '
                                                            '0'},
                                    'kind': {'tag': 'kind', 'value': 'narrative_claim'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The text says no '
                                                            'processing fee was '
                                                            'charged, yet the amount '
                                                            'is {reported} '
                                                            '("{quote}")'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '正文称未收取信息处理费，但收费金额为 '
                                                            '{reported}（“{quote}”）'},
                                    'pattern': {'tag': 'pattern',
                                                'value': '(?:未|没有|无|不)[^。；！？，]{0,8}?(?:收取|产生|收缴)[^。；！？，]{0,8}?处理费'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'overview other_matters'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'}},
                    'description': 'The text says no information processing fee was '
                                   'charged while the fee amount is not 0.',
                    'title': 'NARR-CLAIM-FEE'},
                   {'annotations': {'kind': {'tag': 'kind',
                                             'value': 'narrative_required'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Section 六 does not say '
                                                            'whether an information '
                                                            'processing fee was '
                                                            'charged'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '第六部分未说明信息处理费的收取情况'},
                                    'pattern': {'tag': 'pattern', 'value': '处理费|收费|收取'},
                                    'sections': {'tag': 'sections',
                                                 'value': 'other_matters'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '国办公开办函〔2021〕30号 年度报告格式 '
                                                        '六、其他需要报告的事项（信息处理费收取情况）'},
                                    'versions': {'tag': 'versions', 'value': 'v2021'}},
                    'description': 'In the 2021 format, section 六 states whether an '
                                   'information processing fee (信息处理费) was charged; a '
                                   'section 六 that does not mention the fee is '
                                   'incomplete.',
                    'title': 'NARR-FEE-STATED'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'section_order'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': "The report's six sections "
                                                            'are incomplete or out of '
                                                            'order: found {reported}, '
                                                            'expected {expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '年度报告的六个部分不全或次序不对：原文为 '
                                                            '{reported}，应为 {expected}'},
                                    'order': {'tag': 'order', 'value': '一 二 三 四 五 六'},
                                    'severity': {'tag': 'severity', 'value': 'warning'},
                                    'source': {'tag': 'source',
                                               'value': '国办公开办函〔2021〕30号/〔2019〕60号 '
                                                        '年度报告格式（六个部分）'}},
                    'description': 'The six sections of the national format are all in '
                                   'the published report, in their order (read from '
                                   'the source by gaischema extract: '
                                   'extraction.section_headings).',
                    'title': 'NARR-SECTIONS'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Wrong type'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '数据类型错误'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema JSON Schema'},
                                    'validators': {'tag': 'validators',
                                                   'value': 'type'}},
                    'description': 'A value has the wrong type (text where a number is '
                                   'expected, a YAML date not written as a string, '
                                   '...).',
                    'title': 'SCHEMA-TYPE'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The number is out of '
                                                            'range (counts are '
                                                            'non-negative integers)'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '数值超出允许范围（件数须为非负整数）'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式（件数为非负整数）'},
                                    'validators': {'tag': 'validators',
                                                   'value': 'minimum exclusiveMinimum '
                                                            'maximum '
                                                            'exclusiveMaximum'}},
                    'description': 'A number is below its minimum (every count is a '
                                   'non-negative integer).',
                    'title': 'SCHEMA-MINIMUM'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'A required field is '
                                                            'missing'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '缺少必填项'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema JSON Schema'},
                                    'validators': {'tag': 'validators',
                                                   'value': 'required'}},
                    'description': 'A required field is missing (organ, report_year, '
                                   'format_version).',
                    'title': 'SCHEMA-REQUIRED'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'A field the schema does '
                                                            'not define (a '
                                                            'misspelling?)'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '未定义的字段（可能拼写错误）'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema JSON Schema'},
                                    'validators': {'tag': 'validators',
                                                   'value': 'additionalProperties'}},
                    'description': 'A field that the schema does not define (often a '
                                   'misspelt slot name).',
                    'title': 'SCHEMA-UNKNOWN-FIELD'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The value is not a '
                                                            'permissible value'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '取值不在允许的枚举值中'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema JSON Schema'},
                                    'validators': {'tag': 'validators',
                                                   'value': 'enum const'}},
                    'description': 'A value is not one of the permissible values of '
                                   'its enumeration.',
                    'title': 'SCHEMA-ENUM'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Malformed value'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '格式错误'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema JSON Schema'},
                                    'validators': {'tag': 'validators',
                                                   'value': 'pattern format minItems '
                                                            'maxItems'}},
                    'description': 'A value does not have its required form (six-digit '
                                   '行政区划代码, a YYYY-MM-DD date, a URI, a box of four '
                                   'numbers).',
                    'title': 'SCHEMA-FORMAT'},
                   {'annotations': {'kind': {'tag': 'kind', 'value': 'jsonschema'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'Structural error'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '结构错误'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': 'gaischema JSON Schema'},
                                    'validators': {'tag': 'validators', 'value': '*'}},
                    'description': 'Any other structural error reported by the JSON '
                                   'Schema.',
                    'title': 'SCHEMA-OTHER'}],
         'title': '政府信息公开工作年度报告',
         'tree_root': True})

    organ: str = Field(default=..., title="发布机关", description="""The administrative organ that publishes the report, as it names itself.""", json_schema_extra = { "linkml_meta": {'close_mappings': ['dcterms:publisher', 'schema:publisher'],
         'domain_of': ['AnnualReport'],
         'slot_uri': 'gaischema:organ'} })
    canonical_organ: Optional[str] = Field(default=None, title="机关标准名称", description="""The organ's one canonical name, as the organ roster (OrganRecord, `gaischema report --organs FILE`) or gaischema's proposed roster names it; the spelling printed stays in organ. Reports are matched across years, and copies of one report are found, on it (and on division_code); absent, on the organ name normalised (docs/organs.md).""", json_schema_extra = { "linkml_meta": {'close_mappings': ['org:identifier'],
         'domain_of': ['AnnualReport', 'OrganRecord']} })
    organ_kind: Optional[OrganKindEnum] = Field(default=None, title="机关类型", description="""Whether the organ is a people's government or a government department; decides the deadline.""", json_schema_extra = { "linkml_meta": {'close_mappings': ['org:classification'], 'domain_of': ['AnnualReport']} })
    division_code: Optional[str] = Field(default=None, title="行政区划代码", description="""The six-digit administrative division code (GB/T 2260) of the organ's area.""", json_schema_extra = { "linkml_meta": {'close_mappings': ['org:identifier', 'schema:identifier'],
         'domain_of': ['AnnualReport', 'OrganRecord']} })
    report_year: int = Field(default=..., title="报告年度", description="""The calendar year that the report covers.""", ge=2008, le=2100, json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    format_version: FormatVersionEnum = Field(default=..., title="格式版本", description="""The version of the national format that the report follows.""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    publication_date: Optional[date] = Field(default=None, title="发布日期", description="""The date on which the report was published (YYYY-MM-DD).""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport'],
         'exact_mappings': ['schema:datePublished'],
         'slot_uri': 'dcterms:issued'} })
    source_url: Optional[str] = Field(default=None, title="来源网址", description="""Where the published report was found.""", json_schema_extra = { "linkml_meta": {'close_mappings': ['schema:url'],
         'domain_of': ['AnnualReport'],
         'slot_uri': 'dcterms:source'} })
    statistical_period: Optional[StatisticalPeriod] = Field(default=None, title="统计期限", description="""The period that the report's figures cover; normally 1 January to 31 December of the report year.""", json_schema_extra = { "linkml_meta": {'close_mappings': ['dcterms:temporal'], 'domain_of': ['AnnualReport']} })
    overview: Optional[str] = Field(default=None, title="一、总体情况", description="""Section 一, the narrative overview (主动公开、依申请公开、政府信息管理、平台建设、监督保障).""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    proactive_disclosure: Optional[ProactiveDisclosure] = Field(default=None, title="二、主动公开政府信息情况", description="""Table 二 in the 2021 format.""", json_schema_extra = { "linkml_meta": {'annotations': {'format_versions': {'tag': 'format_versions',
                                             'value': 'v2021'},
                         'table': {'tag': 'table', 'value': '二'}},
         'domain_of': ['AnnualReport']} })
    proactive_disclosure_2019: Optional[ProactiveDisclosure2019] = Field(default=None, title="二、主动公开政府信息情况", description="""Table 二 in the 2019 format.""", json_schema_extra = { "linkml_meta": {'annotations': {'format_versions': {'tag': 'format_versions',
                                             'value': 'v2019'},
                         'table': {'tag': 'table', 'value': '二'}},
         'domain_of': ['AnnualReport']} })
    applications: Optional[ApplicationStatistics] = Field(default=None, title="三、收到和处理政府信息公开申请情况", description="""Table 三, applications received and handled, by applicant column.""", json_schema_extra = { "linkml_meta": {'annotations': {'table': {'tag': 'table', 'value': '三'}},
         'domain_of': ['AnnualReport']} })
    reviews_and_litigation: Optional[ReviewsAndLitigation] = Field(default=None, title="四、政府信息公开行政复议、行政诉讼情况", description="""Table 四, administrative reconsideration and litigation about information disclosure.""", json_schema_extra = { "linkml_meta": {'aliases': ['四、政府信息公开行政法复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
         'annotations': {'table': {'tag': 'table', 'value': '四'}},
         'domain_of': ['AnnualReport']} })
    problems_and_improvements: Optional[str] = Field(default=None, title="五、存在的主要问题及改进情况", description="""Section 五, the main problems and the improvements made or planned.""", json_schema_extra = { "linkml_meta": {'aliases': ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在的主要问题'],
         'domain_of': ['AnnualReport']} })
    other_matters: Optional[str] = Field(default=None, title="六、其他需要报告的事项", description="""Section 六, other matters to report, as text.""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    processing_fee_charged: Optional[bool] = Field(default=None, title="是否收取信息处理费", description="""Structured fact from section 六 - whether any 信息处理费 (information processing fee, 国办函〔2020〕109号) was charged in the report year.""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    processing_fee_amount: Optional[Decimal] = Field(default=None, title="信息处理费金额（元）", description="""Structured fact from section 六 - the total information processing fee charged, in yuan.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    extraction: Optional[ExtractionRecord] = Field(default=None, title="抽取记录", description="""Where this instance came from and what the extractor could not read or had to infer. Present only in instances made by gaischema extract; not part of the official report.""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })
    extensions: Optional[LocalExtensions] = Field(default=None, title="地方扩展", description="""Local extensions: what a province (or any publisher) adds beyond the national format, under a key of its own namespace (extensions.<namespace>), as OCDS extensions do. The national format says nothing about its content: the national rules do not read it and an implementation that does not know an extension ignores it; the extension's own schema (a LinkML schema that imports gaischema, docs/extensions.md) validates it.""", json_schema_extra = { "linkml_meta": {'domain_of': ['AnnualReport']} })

    @field_validator('division_code')
    def pattern_division_code(cls, v):
        pattern=re.compile(r"^[0-9]{6}$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid division_code format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid division_code format: {v}"
            raise ValueError(err_msg)
        return v


class LocalExtensions(ConfiguredBaseModel):
    """
    The local extensions of a report, one key per namespace (a province's extension schema declares its own key and its content). Open in the national format: any content is accepted, and none is checked by a national rule.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'extra_slots': {'allowed': True},
         'from_schema': 'https://w3id.org/gaischema',
         'title': '地方扩展'})

    pass


class OrganRoster(ConfiguredBaseModel):
    """
    The organs that must publish a report (条例第五十条), for `gaischema report --organs FILE` (YAML, as this class or a list of its records; or CSV with the OrganRecord slots as columns, aliases separated by ; or |). It makes the resolution of printed organ names exact and gives XR-NOT-PUBLISHED its years. Without one, gaischema proposes a roster from the corpus (organs-proposed.csv beside the page) to correct and pass back.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '机关名录'})

    organs: Optional[list[OrganRecord]] = Field(default=None, title="机关", description="""The organs of a roster.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRoster']} })


class OrganRecord(ConfiguredBaseModel):
    """
    One organ of a roster: its canonical name, the other names it is printed under, its 行政区划代码, level, kind, parent, the years it existed and its successor when renamed or merged.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema',
         'slot_usage': {'canonical_organ': {'name': 'canonical_organ',
                                            'required': True}},
         'title': '名录机关'})

    canonical_organ: str = Field(default=..., title="机关标准名称", description="""The organ's one canonical name, as the organ roster (OrganRecord, `gaischema report --organs FILE`) or gaischema's proposed roster names it; the spelling printed stays in organ. Reports are matched across years, and copies of one report are found, on it (and on division_code); absent, on the organ name normalised (docs/organs.md).""", json_schema_extra = { "linkml_meta": {'close_mappings': ['org:identifier'],
         'domain_of': ['AnnualReport', 'OrganRecord']} })
    organ_aliases: Optional[list[str]] = Field(default=None, title="别称", description="""Other names the organ is printed under in its reports (管委会 for 管理委员会, 市政府 for 市人民政府, a name without its place, an old spelling); each resolves to the record's canonical_organ.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })
    division_code: Optional[str] = Field(default=None, title="行政区划代码", description="""The six-digit administrative division code (GB/T 2260) of the organ's area.""", json_schema_extra = { "linkml_meta": {'close_mappings': ['org:identifier', 'schema:identifier'],
         'domain_of': ['AnnualReport', 'OrganRecord']} })
    organ_level: Optional[OrganLevelEnum] = Field(default=None, title="机关层级", description="""The level of government the organ belongs to (省/市/县/乡).""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })
    roster_kind: Optional[RosterKindEnum] = Field(default=None, title="名录机关类别", description="""Whether the organ is a people's government, a department, or a 片区 governed by a 管理委员会.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })
    parent_organ: Optional[str] = Field(default=None, title="上级机关", description="""The canonical name of the government the organ belongs to (for a department) or of the next level up (for a government); a name printed without its place (区财政局) takes the place of its parent's name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })
    first_year: Optional[int] = Field(default=None, title="设立年度", description="""The first report year in which the organ existed (and had to publish); absent when always.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })
    last_year: Optional[int] = Field(default=None, title="撤销年度", description="""The last report year in which the organ existed; absent while it exists.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })
    successor_organ: Optional[str] = Field(default=None, title="继任机关", description="""The canonical name of the organ that took over when this one was renamed or merged; cross-year checks (XR-CARRY-OVER, XR-IN-FORCE) follow it from the last year to the successor's first.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OrganRecord']} })

    @field_validator('division_code')
    def pattern_division_code(cls, v):
        pattern=re.compile(r"^[0-9]{6}$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid division_code format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid division_code format: {v}"
            raise ValueError(err_msg)
        return v


class ExtractionRecord(ConfiguredBaseModel):
    """
    Provenance of an extracted instance, and the notes of what could not be read or was inferred.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '抽取记录'})

    source_file: Optional[str] = Field(default=None, title="来源文件", description="""The file the instance was extracted from, as named on the command line.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })
    source_format: Optional[SourceFormatEnum] = Field(default=None, title="来源文件格式", description="""The kind of the source file.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })
    source_encoding: Optional[str] = Field(default=None, title="来源文件编码", description="""The character encoding detected in the source file (utf-8, utf-8-sig or gb18030).""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })
    extractor: Optional[str] = Field(default=None, title="抽取程序", description="""The program and version that made the instance.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })
    section_headings: Optional[list[str]] = Field(default=None, title="原文各部分次序", description="""The numbers of the six section headings of the national format (一 to 六) found in the source, in the order they appear there; the rule NARR-SECTIONS reads it.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })
    notes: Optional[list[ExtractionNote]] = Field(default=None, title="抽取说明", description="""One note per cell, row or field that the extractor could not read, found blank or inferred.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })
    cell_sources: Optional[list[CellSource]] = Field(default=None, title="单元格原文位置", description="""Where each cell the extractor read stands in the source, one record per cell path: a box on a page (PDF, scan), a table cell (HTML, Word, Markdown, workbook) or characters of a line (text). What a finding is shown beside (the printed row), and what a person checks a reading against.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionRecord']} })

    @field_validator('section_headings')
    def pattern_section_headings(cls, v):
        pattern=re.compile(r"^[一二三四五六]$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid section_headings format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid section_headings format: {v}"
            raise ValueError(err_msg)
        return v


class CellSource(ConfiguredBaseModel):
    """
    Where one cell the extractor read stands in the source (see PlaceKindEnum).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '单元格原文位置'})

    cell_path: str = Field(default=..., title="单元格路径", description="""The dotted JSON path of the cell.""", json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_kind: PlaceKindEnum = Field(default=..., title="位置类型", description="""How the place is given.""", json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_page: Optional[int] = Field(default=None, title="页码", description="""The page, from 1 (place_kind box).""", ge=1, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_bbox: Optional[list[float]] = Field(default=None, title="区域", description="""The box on the page in points from its top-left corner, as x0, top, x1, bottom (place_kind box).""", min_length=4, max_length=4, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_table: Optional[int] = Field(default=None, title="表格序号", description="""The table's number among the source's tables, from 1 (place_kind table).""", ge=1, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_row: Optional[int] = Field(default=None, title="行", description="""The row in the table's grid, from 1 (merged cells resolved).""", ge=1, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_col: Optional[int] = Field(default=None, title="列", description="""The column in the table's grid, from 1.""", ge=1, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_sheet: Optional[str] = Field(default=None, title="工作表", description="""The workbook's sheet (place_kind table).""", json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_cell: Optional[str] = Field(default=None, title="单元格", description="""The workbook cell's A1 name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_line: Optional[int] = Field(default=None, title="行号", description="""The line of the text file, from 1 (place_kind text).""", ge=1, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_paragraph: Optional[int] = Field(default=None, title="段落序号", description="""The paragraph's number among the source's paragraphs, from 1, where the source has no lines.""", ge=1, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_start: Optional[int] = Field(default=None, title="起始字符", description="""The first character of the value on the line (or in the paragraph), from 0.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })
    place_end: Optional[int] = Field(default=None, title="结束字符", description="""The character after the value's last.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['CellSource']} })


class ExtractionNote(ConfiguredBaseModel):
    """
    One thing the extractor says about a cell, row or field of the instance.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '抽取说明'})

    note_kind: ExtractionNoteKindEnum = Field(default=..., title="说明类型", description="""Why the note was made.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_path: Optional[str] = Field(default=None, title="路径", description="""The dotted JSON path of the cell, row or field the note is about.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_message: Optional[str] = Field(default=None, title="说明", description="""The note in Chinese and English.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_raw: Optional[str] = Field(default=None, title="原文", description="""The source text the note is about, as found (digits run together, a unit, a mark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_candidates: Optional[list[str]] = Field(default=None, title="候选拆分", description="""For an ambiguous split, the splits that satisfy the rules, each as comma-separated numbers.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_confidence: Optional[float] = Field(default=None, title="识别置信度", description="""For a value read by OCR (notes ocr, low_confidence, inferred), the recogniser's confidence from 0 to 1: the lowest of the words in the cell.""", ge=0, le=1, json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_rule: Optional[str] = Field(default=None, title="规则", description="""For a no_consistent_reading note, the id of the rule that no reading of the printed digits satisfies (T3-ROW-TOTAL, T3-RESULTS-TOTAL, T3-BALANCE, T4-TOTAL).""", json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })
    note_readings: Optional[int] = Field(default=None, title="读法数量", description="""For an ambiguous note, how many readings (splits) of the printed digits satisfy the rules, when the extractor counted them all (note_candidates lists at most 50 of them).""", ge=2, json_schema_extra = { "linkml_meta": {'domain_of': ['ExtractionNote']} })


class StatisticalPeriod(ConfiguredBaseModel):
    """
    The period that the figures of a report cover.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '统计期限'})

    start_date: Optional[date] = Field(default=None, title="起始日期", description="""First day of the statistical period (YYYY-MM-DD).""", json_schema_extra = { "linkml_meta": {'domain_of': ['StatisticalPeriod'], 'exact_mappings': ['schema:startDate']} })
    end_date: Optional[date] = Field(default=None, title="截止日期", description="""Last day of the statistical period (YYYY-MM-DD).""", json_schema_extra = { "linkml_meta": {'domain_of': ['StatisticalPeriod'], 'exact_mappings': ['schema:endDate']} })


class ProactiveDisclosure(ConfiguredBaseModel):
    """
    Table 二 of the 2021 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema',
         'slot_usage': {'coercion': {'name': 'coercion', 'range': 'DecisionCount'},
                        'fees': {'name': 'fees', 'range': 'FeeAmount'},
                        'licensing': {'name': 'licensing', 'range': 'DecisionCount'},
                        'normative_documents': {'aliases': ['规范性文件'],
                                                'name': 'normative_documents',
                                                'range': 'DocumentCounts'},
                        'penalty': {'name': 'penalty', 'range': 'DecisionCount'},
                        'regulations': {'name': 'regulations',
                                        'range': 'DocumentCounts'}},
         'title': '主动公开政府信息情况（2021年版）'})

    regulations: Optional[DocumentCounts] = Field(default=None, title="规章", description="""Row 规章 (rules) of item 第二十条第（一）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（一）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    normative_documents: Optional[DocumentCounts] = Field(default=None, title="行政规范性文件", description="""Row 行政规范性文件 (administrative normative documents) of item 第二十条第（一）项.""", json_schema_extra = { "linkml_meta": {'aliases': ['规范性文件'],
         'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（一）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    licensing: Optional[DecisionCount] = Field(default=None, title="行政许可", description="""Row 行政许可 (administrative licensing) of item 第二十条第（五）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（五）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    penalty: Optional[DecisionCount] = Field(default=None, title="行政处罚", description="""Row 行政处罚 (administrative penalties) of item 第二十条第（六）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（六）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    coercion: Optional[DecisionCount] = Field(default=None, title="行政强制", description="""Row 行政强制 (administrative coercion) of item 第二十条第（六）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（六）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    fees: Optional[FeeAmount] = Field(default=None, title="行政事业性收费", description="""Row 行政事业性收费 (administrative fees) of item 第二十条第（八）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（八）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })


class ProactiveDisclosure2019(ConfiguredBaseModel):
    """
    Table 二 of the 2019 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema',
         'slot_usage': {'coercion': {'name': 'coercion', 'range': 'ItemCounts2019'},
                        'fees': {'name': 'fees', 'range': 'FeeItems2019'},
                        'licensing': {'name': 'licensing', 'range': 'ItemCounts2019'},
                        'normative_documents': {'name': 'normative_documents',
                                                'range': 'DocumentCounts2019',
                                                'title': '规范性文件'},
                        'penalty': {'name': 'penalty', 'range': 'ItemCounts2019'},
                        'regulations': {'name': 'regulations',
                                        'range': 'DocumentCounts2019'}},
         'title': '主动公开政府信息情况（2019年版）'})

    regulations: Optional[DocumentCounts2019] = Field(default=None, title="规章", description="""Row 规章 (rules) of item 第二十条第（一）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（一）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    normative_documents: Optional[DocumentCounts2019] = Field(default=None, title="规范性文件", description="""Row 行政规范性文件 (administrative normative documents) of item 第二十条第（一）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（一）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    licensing: Optional[ItemCounts2019] = Field(default=None, title="行政许可", description="""Row 行政许可 (administrative licensing) of item 第二十条第（五）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（五）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    other_services: Optional[ItemCounts2019] = Field(default=None, title="其他对外管理服务事项", description="""Row 其他对外管理服务事项 (other external management services) of item 第二十条第（五）项; 2019 format only.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（五）项'}},
         'domain_of': ['ProactiveDisclosure2019']} })
    penalty: Optional[ItemCounts2019] = Field(default=None, title="行政处罚", description="""Row 行政处罚 (administrative penalties) of item 第二十条第（六）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（六）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    coercion: Optional[ItemCounts2019] = Field(default=None, title="行政强制", description="""Row 行政强制 (administrative coercion) of item 第二十条第（六）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（六）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    fees: Optional[FeeItems2019] = Field(default=None, title="行政事业性收费", description="""Row 行政事业性收费 (administrative fees) of item 第二十条第（八）项.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（八）项'}},
         'domain_of': ['ProactiveDisclosure', 'ProactiveDisclosure2019']} })
    procurement: Optional[Procurement2019] = Field(default=None, title="政府集中采购", description="""Row 政府集中采购 (centralised government procurement) of item 第二十条第（九）项; 2019 format only.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '第二十条第（九）项'}},
         'domain_of': ['ProactiveDisclosure2019']} })


class DocumentRow(ConfiguredBaseModel):
    """
    A row of 第二十条第（一）项; its columns depend on the format version.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'abstract': True,
         'from_schema': 'https://w3id.org/gaischema',
         'title': '规章、规范性文件行'})

    pass


class DocumentCounts(DocumentRow):
    """
    The three columns of 第二十条第（一）项 in the 2021 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '规章、行政规范性文件件数（2021年版）'})

    issued: int = Field(default=..., title="本年制发件数", description="""Column 本年制发件数 - documents issued in the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DocumentCounts'], 'recommended': True} })
    repealed: int = Field(default=..., title="本年废止件数", description="""Column 本年废止件数 - documents repealed in the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DocumentCounts'], 'recommended': True} })
    in_force: int = Field(default=..., title="现行有效件数", description="""Column 现行有效件数 - documents in force at the end of the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DocumentCounts'], 'recommended': True} })


class DocumentCounts2019(DocumentRow):
    """
    The three columns of 第二十条第（一）项 in the 2019 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '规章、规范性文件数量（2019年版）'})

    newly_made: int = Field(default=..., title="本年新制作数量", description="""Column 本年新制作数量 (2019) - documents newly made in the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DocumentCounts2019'], 'recommended': True} })
    newly_published: int = Field(default=..., title="本年新公开数量", description="""Column 本年新公开数量 (2019) - documents newly disclosed in the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DocumentCounts2019'], 'recommended': True} })
    total_published: int = Field(default=..., title="对外公开总数量", description="""Column 对外公开总数量 (2019) - documents disclosed in all.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DocumentCounts2019'], 'recommended': True} })


class ItemRow(ConfiguredBaseModel):
    """
    A row of 第二十条第（五）（六）项; its columns depend on the format version.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'abstract': True,
         'from_schema': 'https://w3id.org/gaischema',
         'title': '行政许可、处罚、强制行'})

    pass


class DecisionCount(ItemRow):
    """
    The single column of 第二十条第（五）（六）项 in the 2021 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '本年处理决定数量（2021年版）'})

    decisions: int = Field(default=..., title="本年处理决定数量", description="""Column 本年处理决定数量 - decisions made in the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DecisionCount', 'ItemCounts2019'], 'recommended': True} })


class ItemCounts2019(ItemRow):
    """
    The three columns of 第二十条第（五）（六）项 in the 2019 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema',
         'slot_usage': {'decisions': {'name': 'decisions', 'title': '处理决定数量'}},
         'title': '项目数量及处理决定数量（2019年版）'})

    previous_items: int = Field(default=..., title="上一年项目数量", description="""Column 上一年项目数量 (2019) - number of items in the previous year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ItemCounts2019', 'FeeItems2019'], 'recommended': True} })
    change: int = Field(default=..., title="本年增/减", description="""Column 本年增/减 (2019) - change in the number of items this year; may be negative.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ItemCounts2019', 'FeeItems2019'], 'recommended': True} })
    decisions: int = Field(default=..., title="处理决定数量", description="""Column 本年处理决定数量 - decisions made in the report year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['DecisionCount', 'ItemCounts2019'], 'recommended': True} })


class FeeRow(ConfiguredBaseModel):
    """
    The row of 第二十条第（八）项; its columns depend on the format version.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'abstract': True,
         'from_schema': 'https://w3id.org/gaischema',
         'title': '行政事业性收费行'})

    pass


class FeeAmount(FeeRow):
    """
    The single column of 第二十条第（八）项 in the 2021 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '本年收费金额（2021年版）'})

    fee_amount: Decimal = Field(default=..., title="本年收费金额（单位：万元）", description="""Column 本年收费金额 - fees collected in the report year, in units of 10,000 yuan (万元); a decimal.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['FeeAmount'], 'recommended': True} })


class FeeItems2019(FeeRow):
    """
    The two columns of 第二十条第（八）项 in the 2019 format.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '行政事业性收费项目数量（2019年版）'})

    previous_items: int = Field(default=..., title="上一年项目数量", description="""Column 上一年项目数量 (2019) - number of items in the previous year.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ItemCounts2019', 'FeeItems2019'], 'recommended': True} })
    change: int = Field(default=..., title="本年增/减", description="""Column 本年增/减 (2019) - change in the number of items this year; may be negative.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ItemCounts2019', 'FeeItems2019'], 'recommended': True} })


class Procurement2019(ConfiguredBaseModel):
    """
    The two columns of 第二十条第（九）项, 2019 format only.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema', 'title': '政府集中采购（2019年版）'})

    procurement_items: int = Field(default=..., title="采购项目数量", description="""Column 采购项目数量 (2019) - number of procurement items.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['Procurement2019'], 'recommended': True} })
    procurement_amount: Decimal = Field(default=..., title="采购总金额", description="""Column 采购总金额 (2019) - total procurement amount, a decimal. The format names no unit; procurement_amount_unit records the unit the report wrote in the cell, if any.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['Procurement2019'], 'recommended': True} })
    procurement_amount_unit: Optional[str] = Field(default=None, title="采购总金额单位", description="""The unit written in the 采购总金额 cell (e.g. 元, 万元), when the report wrote one. Not a cell of its own.""", json_schema_extra = { "linkml_meta": {'annotations': {'not_a_cell': {'tag': 'not_a_cell', 'value': 'true'}},
         'domain_of': ['Procurement2019']} })


class ApplicationStatistics(ConfiguredBaseModel):
    """
    Table 三. Its rows are slots; its seven applicant columns are the slots of ApplicantCounts.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'from_schema': 'https://w3id.org/gaischema',
         'rules': [{'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'new_applications.{c} + '
                                                            'carried_over.{c} == '
                                                            'results.results_total.{c} '
                                                            '+ carried_forward.{c}'},
                                    'for_each': {'tag': 'for_each',
                                                 'value': 'ApplicantColumnEnum'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': 'The balance does not '
                                                            'hold: 一 + 二 = {reported}, '
                                                            'but 三（七）总计 + 四 = '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '勾稽关系不平衡：第一项加第二项之和为 '
                                                            '{reported}，第三项（七）总计加第四项之和为 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 '
                                                        '表三：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”'}},
                    'description': 'For every applicant column, 一、本年新收 + 二、上年结转 = '
                                   '三（七）总计 + 四、结转下年度继续办理.',
                    'title': 'T3-BALANCE'}],
         'title': '收到和处理政府信息公开申请情况'})

    new_applications: Optional[ApplicantCounts] = Field(default=None, title="一、本年新收政府信息公开申请数量", description="""Row 一 - applications newly received in the report year.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicationStatistics']} })
    carried_over: Optional[ApplicantCounts] = Field(default=None, title="二、上年结转政府信息公开申请数量", description="""Row 二 - applications carried over from the previous year (also written 上年转结).""", json_schema_extra = { "linkml_meta": {'aliases': ['二、上年转结政府信息公开申请数量'], 'domain_of': ['ApplicationStatistics']} })
    results: Optional[HandlingResults] = Field(default=None, title="三、本年度办理结果", description="""Row group 三 - the handling results of the report year.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicationStatistics']} })
    carried_forward: Optional[ApplicantCounts] = Field(default=None, title="四、结转下年度继续办理", description="""Row 四 - applications carried forward to the next year (also written 转结下年度).""", json_schema_extra = { "linkml_meta": {'aliases': ['四、转结下年度继续办理'], 'domain_of': ['ApplicationStatistics']} })


class HandlingResults(ConfiguredBaseModel):
    """
    Row group 三 of table 三, keyed by HandlingOutcomeEnum, with the results total （七）. In the 2021 format （六）其他处理 has three reasons (other_handling); in the 2019 format it is one row (other_handling_2019).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by',
                                      'value': 'HandlingOutcomeEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'rules': [{'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'results_total.{c} == '
                                                            'sum(granted.{c}, '
                                                            'partially_granted.{c}, '
                                                            'denied.*.{c}, '
                                                            'unable.*.{c}, '
                                                            'not_processed.*.{c}, '
                                                            'other_handling.*.{c}, '
                                                            'other_handling_2019.{c})'},
                                    'for_each': {'tag': 'for_each',
                                                 'value': 'ApplicantColumnEnum'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': '（七）总计 is not the sum of '
                                                            'the handling results: '
                                                            'reported {reported}, sum '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '（七）总计与各项办理结果之和不符：填报 '
                                                            '{reported}，各项之和为 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 “（七）总计”'}},
                    'description': 'For every applicant column, （七）总计 = the sum of all '
                                   'result rows （一）-（六） (sub-items, not group '
                                   'headers).',
                    'title': 'T3-RESULTS-TOTAL'}],
         'slot_usage': {'results_total': {'annotations': {'key': {'tag': 'key',
                                                                  'value': 'none'}},
                                          'name': 'results_total'}},
         'title': '本年度办理结果'})

    granted: Optional[ApplicantCounts] = Field(default=None, title="（一）予以公开", description="""Row 三（一） - disclosed in full.""", json_schema_extra = { "linkml_meta": {'domain_of': ['HandlingResults']} })
    partially_granted: Optional[ApplicantCounts] = Field(default=None, title="（二）部分公开（区分处理的，只计这一情形，不计其他情形）", description="""Row 三（二） - disclosed in part (counted only here).""", json_schema_extra = { "linkml_meta": {'domain_of': ['HandlingResults']} })
    denied: Optional[DenialReasons] = Field(default=None, title="（三）不予公开", description="""Row group 三（三） - disclosure refused, by reason.""", json_schema_extra = { "linkml_meta": {'domain_of': ['HandlingResults']} })
    unable: Optional[UnableReasons] = Field(default=None, title="（四）无法提供", description="""Row group 三（四） - cannot be provided, by reason.""", json_schema_extra = { "linkml_meta": {'domain_of': ['HandlingResults']} })
    not_processed: Optional[NotProcessedReasons] = Field(default=None, title="（五）不予处理", description="""Row group 三（五） - not processed, by reason.""", json_schema_extra = { "linkml_meta": {'domain_of': ['HandlingResults']} })
    other_handling: Optional[OtherHandlingReasons] = Field(default=None, title="（六）其他处理", description="""Row group 三（六） - other handling, by reason (2021 format).""", json_schema_extra = { "linkml_meta": {'annotations': {'format_versions': {'tag': 'format_versions',
                                             'value': 'v2021'}},
         'domain_of': ['HandlingResults']} })
    other_handling_2019: Optional[ApplicantCounts] = Field(default=None, title="（六）其他处理", description="""Row 三（六） - other handling, a single row (2019 format).""", json_schema_extra = { "linkml_meta": {'annotations': {'format_versions': {'tag': 'format_versions',
                                             'value': 'v2019'},
                         'key': {'tag': 'key', 'value': 'other_handling'}},
         'domain_of': ['HandlingResults']} })
    results_total: Optional[ApplicantCounts] = Field(default=None, title="（七）总计", description="""Row 三（七） - the total of all handling results (一)-(六).""", json_schema_extra = { "linkml_meta": {'annotations': {'key': {'tag': 'key', 'value': 'none'}},
         'domain_of': ['HandlingResults']} })


class DenialReasons(ConfiguredBaseModel):
    """
    Row group 三（三） of table 三, keyed by DenialReasonEnum.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by', 'value': 'DenialReasonEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'title': '不予公开'})

    state_secret: Optional[ApplicantCounts] = Field(default=None, title="1.属于国家秘密", description="""Row 三（三）1 - refused, state secret.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    prohibited_by_law: Optional[ApplicantCounts] = Field(default=None, title="2.其他法律行政法规禁止公开", description="""Row 三（三）2 - refused, prohibited by other laws or administrative regulations.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    security_stability: Optional[ApplicantCounts] = Field(default=None, title="3.危及“三安全一稳定”", description="""Row 三（三）3 - refused, would endanger the three securities and social stability.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    third_party_rights: Optional[ApplicantCounts] = Field(default=None, title="4.保护第三方合法权益", description="""Row 三（三）4 - refused to protect the lawful rights and interests of third parties.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    internal_affairs: Optional[ApplicantCounts] = Field(default=None, title="5.属于三类内部事务信息", description="""Row 三（三）5 - refused, internal affairs information.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    process_information: Optional[ApplicantCounts] = Field(default=None, title="6.属于四类过程性信息", description="""Row 三（三）6 - refused, process information.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    enforcement_files: Optional[ApplicantCounts] = Field(default=None, title="7.属于行政执法案卷", description="""Row 三（三）7 - refused, law-enforcement case files.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })
    administrative_query: Optional[ApplicantCounts] = Field(default=None, title="8.属于行政查询事项", description="""Row 三（三）8 - refused, administrative query matters.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DenialReasons']} })


class UnableReasons(ConfiguredBaseModel):
    """
    Row group 三（四） of table 三, keyed by UnableReasonEnum.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by', 'value': 'UnableReasonEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'title': '无法提供'})

    not_held: Optional[ApplicantCounts] = Field(default=None, title="1.本机关不掌握相关政府信息", description="""Row 三（四）1 - the organ does not hold the information.""", json_schema_extra = { "linkml_meta": {'domain_of': ['UnableReasons']} })
    needs_creation: Optional[ApplicantCounts] = Field(default=None, title="2.没有现成信息需要另行制作", description="""Row 三（四）2 - no existing information; would need to be created.""", json_schema_extra = { "linkml_meta": {'domain_of': ['UnableReasons']} })
    still_unclear: Optional[ApplicantCounts] = Field(default=None, title="3.补正后申请内容仍不明确", description="""Row 三（四）3 - still unclear after correction.""", json_schema_extra = { "linkml_meta": {'domain_of': ['UnableReasons']} })


class NotProcessedReasons(ConfiguredBaseModel):
    """
    Row group 三（五） of table 三, keyed by NotProcessedReasonEnum.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by',
                                      'value': 'NotProcessedReasonEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'title': '不予处理'})

    petition_complaint: Optional[ApplicantCounts] = Field(default=None, title="1.信访举报投诉类申请", description="""Row 三（五）1 - petitions, reports and complaints.""", json_schema_extra = { "linkml_meta": {'domain_of': ['NotProcessedReasons']} })
    repeated: Optional[ApplicantCounts] = Field(default=None, title="2.重复申请", description="""Row 三（五）2 - repeated applications.""", json_schema_extra = { "linkml_meta": {'domain_of': ['NotProcessedReasons']} })
    publication: Optional[ApplicantCounts] = Field(default=None, title="3.要求提供公开出版物", description="""Row 三（五）3 - requests for public publications.""", json_schema_extra = { "linkml_meta": {'domain_of': ['NotProcessedReasons']} })
    excessive: Optional[ApplicantCounts] = Field(default=None, title="4.无正当理由大量反复申请", description="""Row 三（五）4 - large numbers of repeated applications without a proper reason.""", json_schema_extra = { "linkml_meta": {'domain_of': ['NotProcessedReasons']} })
    confirmation: Optional[ApplicantCounts] = Field(default=None, title="5.要求行政机关确认或重新出具已获取信息", description="""Row 三（五）5 - requests to confirm or re-issue information already obtained.""", json_schema_extra = { "linkml_meta": {'domain_of': ['NotProcessedReasons']} })


class OtherHandlingReasons(ConfiguredBaseModel):
    """
    Row group 三（六） of table 三 in the 2021 format, keyed by OtherHandlingReasonEnum.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by',
                                      'value': 'OtherHandlingReasonEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'title': '其他处理'})

    no_correction: Optional[ApplicantCounts] = Field(default=None, title="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", description="""Row 三（六）1 - no correction in time; no longer processed.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OtherHandlingReasons']} })
    fee_unpaid: Optional[ApplicantCounts] = Field(default=None, title="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", description="""Row 三（六）2 - fee not paid in time; no longer processed.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OtherHandlingReasons']} })
    other_reason: Optional[ApplicantCounts] = Field(default=None, title="3.其他", description="""Row 三（六）3 - other.""", json_schema_extra = { "linkml_meta": {'domain_of': ['OtherHandlingReasons']} })


class ApplicantCounts(ConfiguredBaseModel):
    """
    One row of table 三 - seven numbers, one per applicant column (ApplicantColumnEnum).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by',
                                      'value': 'ApplicantColumnEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'rules': [{'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'total == natural_person + '
                                                            'commercial_enterprise + '
                                                            'research_institution + '
                                                            'social_welfare_org + '
                                                            'legal_service_org + '
                                                            'other_org'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': '总计 is not the sum of the '
                                                            'applicant columns: '
                                                            'reported {reported}, sum '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '总计与各类申请人之和不符：填报 '
                                                            '{reported}，各列之和为 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表三 “总计”列'}},
                    'description': 'In every row of table 三, 总计 = the sum of the six '
                                   'applicant columns.',
                    'title': 'T3-ROW-TOTAL'}],
         'title': '申请人情况'})

    natural_person: int = Field(default=..., title="自然人", description="""Column 自然人 - applications by natural persons.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts'], 'recommended': True} })
    commercial_enterprise: int = Field(default=..., title="商业企业", description="""Column 商业企业 - applications by commercial enterprises (法人或其他组织).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts'], 'recommended': True} })
    research_institution: int = Field(default=..., title="科研机构", description="""Column 科研机构 - applications by research institutions (法人或其他组织).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts'], 'recommended': True} })
    social_welfare_org: int = Field(default=..., title="社会公益组织", description="""Column 社会公益组织 - applications by social public-welfare organisations (法人或其他组织).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts'], 'recommended': True} })
    legal_service_org: int = Field(default=..., title="法律服务机构", description="""Column 法律服务机构 - applications by legal service institutions (法人或其他组织).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts'], 'recommended': True} })
    other_org: int = Field(default=..., title="其他", description="""Column 其他 - applications by other legal persons or organisations (法人或其他组织).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts'], 'recommended': True} })
    total: int = Field(default=..., title="总计", description="""Column 总计 - the total of its row (table 三) or of its group (table 四).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts', 'CaseCounts'], 'recommended': True} })


class ReviewsAndLitigation(ConfiguredBaseModel):
    """
    Table 四 - three groups (CaseGroupEnum) of five columns (CaseColumnEnum).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by', 'value': 'CaseGroupEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'title': '政府信息公开行政复议、行政诉讼情况'})

    administrative_review: Optional[CaseCounts] = Field(default=None, title="行政复议", description="""Group 行政复议 - administrative reconsideration cases.""", json_schema_extra = { "linkml_meta": {'domain_of': ['ReviewsAndLitigation']} })
    litigation_direct: Optional[CaseCounts] = Field(default=None, title="未经复议直接起诉", description="""Group 行政诉讼 / 未经复议直接起诉 - litigation brought without reconsideration.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '行政诉讼'}},
         'domain_of': ['ReviewsAndLitigation']} })
    litigation_after_review: Optional[CaseCounts] = Field(default=None, title="复议后起诉", description="""Group 行政诉讼 / 复议后起诉 - litigation brought after reconsideration.""", json_schema_extra = { "linkml_meta": {'annotations': {'group_label': {'tag': 'group_label', 'value': '行政诉讼'}},
         'domain_of': ['ReviewsAndLitigation']} })


class CaseCounts(ConfiguredBaseModel):
    """
    One group of table 四 - four results and their total.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'keyed_by': {'tag': 'keyed_by', 'value': 'CaseColumnEnum'}},
         'from_schema': 'https://w3id.org/gaischema',
         'rules': [{'annotations': {'expression': {'tag': 'expression',
                                                   'value': 'total == upheld + '
                                                            'corrected + other_result '
                                                            '+ pending'},
                                    'kind': {'tag': 'kind', 'value': 'check'},
                                    'message_en': {'tag': 'message_en',
                                                   'value': '总计 is not the sum of the '
                                                            'four results: reported '
                                                            '{reported}, sum '
                                                            '{expected}'},
                                    'message_zh': {'tag': 'message_zh',
                                                   'value': '总计与各项结果之和不符：填报 '
                                                            '{reported}，各项之和为 '
                                                            '{expected}'},
                                    'severity': {'tag': 'severity', 'value': 'error'},
                                    'source': {'tag': 'source',
                                               'value': '年度报告格式 表四 “总计”'}},
                    'description': 'In every group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 '
                                   '+ 尚未审结.',
                    'title': 'T4-TOTAL'}],
         'title': '行政复议、行政诉讼结果'})

    upheld: int = Field(default=..., title="结果维持", description="""Column 结果维持 - decisions upheld.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['CaseCounts'], 'recommended': True} })
    corrected: int = Field(default=..., title="结果纠正", description="""Column 结果纠正 - decisions corrected.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['CaseCounts'], 'recommended': True} })
    other_result: int = Field(default=..., title="其他结果", description="""Column 其他结果 - other results.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['CaseCounts'], 'recommended': True} })
    pending: int = Field(default=..., title="尚未审结", description="""Column 尚未审结 - not yet concluded.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['CaseCounts'], 'recommended': True} })
    total: int = Field(default=..., title="总计", description="""Column 总计 - the total of its row (table 三) or of its group (table 四).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['ApplicantCounts', 'CaseCounts'], 'recommended': True} })


# Model rebuild
# see https://pydantic-docs.helpmanual.io/usage/models/#rebuilding-a-model
AnnualReport.model_rebuild()
LocalExtensions.model_rebuild()
OrganRoster.model_rebuild()
OrganRecord.model_rebuild()
ExtractionRecord.model_rebuild()
CellSource.model_rebuild()
ExtractionNote.model_rebuild()
StatisticalPeriod.model_rebuild()
ProactiveDisclosure.model_rebuild()
ProactiveDisclosure2019.model_rebuild()
DocumentRow.model_rebuild()
DocumentCounts.model_rebuild()
DocumentCounts2019.model_rebuild()
ItemRow.model_rebuild()
DecisionCount.model_rebuild()
ItemCounts2019.model_rebuild()
FeeRow.model_rebuild()
FeeAmount.model_rebuild()
FeeItems2019.model_rebuild()
Procurement2019.model_rebuild()
ApplicationStatistics.model_rebuild()
HandlingResults.model_rebuild()
DenialReasons.model_rebuild()
UnableReasons.model_rebuild()
NotProcessedReasons.model_rebuild()
OtherHandlingReasons.model_rebuild()
ApplicantCounts.model_rebuild()
ReviewsAndLitigation.model_rebuild()
CaseCounts.model_rebuild()
