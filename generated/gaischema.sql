-- # Class: AnnualReport Description: One organ's annual report on government information disclosure work for one year. Table 二 is proactive_disclosure (2021 format) or proactive_disclosure_2019 (2019 format).
--     * Slot: id
--     * Slot: organ Description: The administrative organ that publishes the report, as it names itself.
--     * Slot: canonical_organ Description: The organ's one canonical name, as the organ roster (OrganRecord, `gaischema report --organs FILE`) or gaischema's proposed roster names it; the spelling printed stays in organ. Reports are matched across years, and copies of one report are found, on it (and on division_code); absent, on the organ name normalised (docs/organs.md).
--     * Slot: organ_kind Description: Whether the organ is a people's government or a government department; decides the deadline.
--     * Slot: division_code Description: The six-digit administrative division code (GB/T 2260) of the organ's area.
--     * Slot: report_year Description: The calendar year that the report covers.
--     * Slot: format_version Description: The version of the national format that the report follows.
--     * Slot: publication_date Description: The date on which the report was published (YYYY-MM-DD).
--     * Slot: source_url Description: Where the published report was found.
--     * Slot: overview Description: Section 一, the narrative overview (主动公开、依申请公开、政府信息管理、平台建设、监督保障).
--     * Slot: problems_and_improvements Description: Section 五, the main problems and the improvements made or planned.
--     * Slot: other_matters Description: Section 六, other matters to report, as text.
--     * Slot: processing_fee_charged Description: Structured fact from section 六 - whether any 信息处理费 (information processing fee, 国办函〔2020〕109号) was charged in the report year.
--     * Slot: processing_fee_amount Description: Structured fact from section 六 - the total information processing fee charged, in yuan.
--     * Slot: statistical_period_id Description: The period that the report's figures cover; normally 1 January to 31 December of the report year.
--     * Slot: proactive_disclosure_id Description: Table 二 in the 2021 format.
--     * Slot: proactive_disclosure_2019_id Description: Table 二 in the 2019 format.
--     * Slot: applications_id Description: Table 三, applications received and handled, by applicant column.
--     * Slot: reviews_and_litigation_id Description: Table 四, administrative reconsideration and litigation about information disclosure.
--     * Slot: extraction_id Description: Where this instance came from and what the extractor could not read or had to infer. Present only in instances made by gaischema extract; not part of the official report.
--     * Slot: extensions_id Description: Local extensions: what a province (or any publisher) adds beyond the national format, under a key of its own namespace (extensions.<namespace>), as OCDS extensions do. The national format says nothing about its content: the national rules do not read it and an implementation that does not know an extension ignores it; the extension's own schema (a LinkML schema that imports gaischema, docs/extensions.md) validates it.
-- # Class: LocalExtensions Description: The local extensions of a report, one key per namespace (a province's extension schema declares its own key and its content). Open in the national format: any content is accepted, and none is checked by a national rule.
--     * Slot: id
-- # Class: OrganRoster Description: The organs that must publish a report (条例第五十条), for `gaischema report --organs FILE` (YAML, as this class or a list of its records; or CSV with the OrganRecord slots as columns, aliases separated by ; or |). It makes the resolution of printed organ names exact and gives XR-NOT-PUBLISHED its years. Without one, gaischema proposes a roster from the corpus (organs-proposed.csv beside the page) to correct and pass back.
--     * Slot: id
-- # Class: OrganRecord Description: One organ of a roster: its canonical name, the other names it is printed under, its 行政区划代码, level, kind, parent, the years it existed and its successor when renamed or merged.
--     * Slot: id
--     * Slot: canonical_organ Description: The organ's one canonical name, as the organ roster (OrganRecord, `gaischema report --organs FILE`) or gaischema's proposed roster names it; the spelling printed stays in organ. Reports are matched across years, and copies of one report are found, on it (and on division_code); absent, on the organ name normalised (docs/organs.md).
--     * Slot: division_code Description: The six-digit administrative division code (GB/T 2260) of the organ's area.
--     * Slot: organ_level Description: The level of government the organ belongs to (省/市/县/乡).
--     * Slot: roster_kind Description: Whether the organ is a people's government, a department, or a 片区 governed by a 管理委员会.
--     * Slot: parent_organ Description: The canonical name of the government the organ belongs to (for a department) or of the next level up (for a government); a name printed without its place (区财政局) takes the place of its parent's name.
--     * Slot: first_year Description: The first report year in which the organ existed (and had to publish); absent when always.
--     * Slot: last_year Description: The last report year in which the organ existed; absent while it exists.
--     * Slot: successor_organ Description: The canonical name of the organ that took over when this one was renamed or merged; cross-year checks (XR-CARRY-OVER, XR-IN-FORCE) follow it from the last year to the successor's first.
--     * Slot: OrganRoster_id Description: Autocreated FK slot
-- # Class: ExtractionRecord Description: Provenance of an extracted instance, and the notes of what could not be read or was inferred.
--     * Slot: id
--     * Slot: source_file Description: The file the instance was extracted from, as named on the command line.
--     * Slot: source_format Description: The kind of the source file.
--     * Slot: source_encoding Description: The character encoding detected in the source file (utf-8, utf-8-sig or gb18030).
--     * Slot: extractor Description: The program and version that made the instance.
-- # Class: CellSource Description: Where one cell the extractor read stands in the source (see PlaceKindEnum).
--     * Slot: id
--     * Slot: cell_path Description: The dotted JSON path of the cell.
--     * Slot: place_kind Description: How the place is given.
--     * Slot: place_page Description: The page, from 1 (place_kind box).
--     * Slot: place_table Description: The table's number among the source's tables, from 1 (place_kind table).
--     * Slot: place_row Description: The row in the table's grid, from 1 (merged cells resolved).
--     * Slot: place_col Description: The column in the table's grid, from 1.
--     * Slot: place_sheet Description: The workbook's sheet (place_kind table).
--     * Slot: place_cell Description: The workbook cell's A1 name.
--     * Slot: place_line Description: The line of the text file, from 1 (place_kind text).
--     * Slot: place_paragraph Description: The paragraph's number among the source's paragraphs, from 1, where the source has no lines.
--     * Slot: place_start Description: The first character of the value on the line (or in the paragraph), from 0.
--     * Slot: place_end Description: The character after the value's last.
--     * Slot: ExtractionRecord_id Description: Autocreated FK slot
-- # Class: ExtractionNote Description: One thing the extractor says about a cell, row or field of the instance.
--     * Slot: id
--     * Slot: note_kind Description: Why the note was made.
--     * Slot: note_path Description: The dotted JSON path of the cell, row or field the note is about.
--     * Slot: note_message Description: The note in Chinese and English.
--     * Slot: note_raw Description: The source text the note is about, as found (digits run together, a unit, a mark).
--     * Slot: note_confidence Description: For a value read by OCR (notes ocr, low_confidence, inferred), the recogniser's confidence from 0 to 1: the lowest of the words in the cell.
--     * Slot: note_rule Description: For a no_consistent_reading note, the id of the rule that no reading of the printed digits satisfies (T3-ROW-TOTAL, T3-RESULTS-TOTAL, T3-BALANCE, T4-TOTAL).
--     * Slot: note_readings Description: For an ambiguous note, how many readings (splits) of the printed digits satisfy the rules, when the extractor counted them all (note_candidates lists at most 50 of them).
--     * Slot: ExtractionRecord_id Description: Autocreated FK slot
-- # Class: StatisticalPeriod Description: The period that the figures of a report cover.
--     * Slot: id
--     * Slot: start_date Description: First day of the statistical period (YYYY-MM-DD).
--     * Slot: end_date Description: Last day of the statistical period (YYYY-MM-DD).
-- # Class: ProactiveDisclosure Description: Table 二 of the 2021 format.
--     * Slot: id
--     * Slot: regulations_id Description: Row 规章 (rules) of item 第二十条第（一）项.
--     * Slot: normative_documents_id Description: Row 行政规范性文件 (administrative normative documents) of item 第二十条第（一）项.
--     * Slot: licensing_id Description: Row 行政许可 (administrative licensing) of item 第二十条第（五）项.
--     * Slot: penalty_id Description: Row 行政处罚 (administrative penalties) of item 第二十条第（六）项.
--     * Slot: coercion_id Description: Row 行政强制 (administrative coercion) of item 第二十条第（六）项.
--     * Slot: fees_id Description: Row 行政事业性收费 (administrative fees) of item 第二十条第（八）项.
-- # Class: ProactiveDisclosure2019 Description: Table 二 of the 2019 format.
--     * Slot: id
--     * Slot: regulations_id Description: Row 规章 (rules) of item 第二十条第（一）项.
--     * Slot: normative_documents_id Description: Row 行政规范性文件 (administrative normative documents) of item 第二十条第（一）项.
--     * Slot: licensing_id Description: Row 行政许可 (administrative licensing) of item 第二十条第（五）项.
--     * Slot: other_services_id Description: Row 其他对外管理服务事项 (other external management services) of item 第二十条第（五）项; 2019 format only.
--     * Slot: penalty_id Description: Row 行政处罚 (administrative penalties) of item 第二十条第（六）项.
--     * Slot: coercion_id Description: Row 行政强制 (administrative coercion) of item 第二十条第（六）项.
--     * Slot: fees_id Description: Row 行政事业性收费 (administrative fees) of item 第二十条第（八）项.
--     * Slot: procurement_id Description: Row 政府集中采购 (centralised government procurement) of item 第二十条第（九）项; 2019 format only.
-- # Abstract Class: DocumentRow Description: A row of 第二十条第（一）项; its columns depend on the format version.
--     * Slot: id
-- # Class: DocumentCounts Description: The three columns of 第二十条第（一）项 in the 2021 format.
--     * Slot: id
--     * Slot: issued Description: Column 本年制发件数 - documents issued in the report year.
--     * Slot: repealed Description: Column 本年废止件数 - documents repealed in the report year.
--     * Slot: in_force Description: Column 现行有效件数 - documents in force at the end of the report year.
-- # Class: DocumentCounts2019 Description: The three columns of 第二十条第（一）项 in the 2019 format.
--     * Slot: id
--     * Slot: newly_made Description: Column 本年新制作数量 (2019) - documents newly made in the report year.
--     * Slot: newly_published Description: Column 本年新公开数量 (2019) - documents newly disclosed in the report year.
--     * Slot: total_published Description: Column 对外公开总数量 (2019) - documents disclosed in all.
-- # Abstract Class: ItemRow Description: A row of 第二十条第（五）（六）项; its columns depend on the format version.
--     * Slot: id
-- # Class: DecisionCount Description: The single column of 第二十条第（五）（六）项 in the 2021 format.
--     * Slot: id
--     * Slot: decisions Description: Column 本年处理决定数量 - decisions made in the report year.
-- # Class: ItemCounts2019 Description: The three columns of 第二十条第（五）（六）项 in the 2019 format.
--     * Slot: id
--     * Slot: previous_items Description: Column 上一年项目数量 (2019) - number of items in the previous year.
--     * Slot: change Description: Column 本年增/减 (2019) - change in the number of items this year; may be negative.
--     * Slot: decisions Description: Column 本年处理决定数量 - decisions made in the report year.
-- # Abstract Class: FeeRow Description: The row of 第二十条第（八）项; its columns depend on the format version.
--     * Slot: id
-- # Class: FeeAmount Description: The single column of 第二十条第（八）项 in the 2021 format.
--     * Slot: id
--     * Slot: fee_amount Description: Column 本年收费金额 - fees collected in the report year, in units of 10,000 yuan (万元); a decimal.
-- # Class: FeeItems2019 Description: The two columns of 第二十条第（八）项 in the 2019 format.
--     * Slot: id
--     * Slot: previous_items Description: Column 上一年项目数量 (2019) - number of items in the previous year.
--     * Slot: change Description: Column 本年增/减 (2019) - change in the number of items this year; may be negative.
-- # Class: Procurement2019 Description: The two columns of 第二十条第（九）项, 2019 format only.
--     * Slot: id
--     * Slot: procurement_items Description: Column 采购项目数量 (2019) - number of procurement items.
--     * Slot: procurement_amount Description: Column 采购总金额 (2019) - total procurement amount, a decimal. The format names no unit; procurement_amount_unit records the unit the report wrote in the cell, if any.
--     * Slot: procurement_amount_unit Description: The unit written in the 采购总金额 cell (e.g. 元, 万元), when the report wrote one. Not a cell of its own.
-- # Class: ApplicationStatistics Description: Table 三. Its rows are slots; its seven applicant columns are the slots of ApplicantCounts.
--     * Slot: id
--     * Slot: new_applications_id Description: Row 一 - applications newly received in the report year.
--     * Slot: carried_over_id Description: Row 二 - applications carried over from the previous year (also written 上年转结).
--     * Slot: results_id Description: Row group 三 - the handling results of the report year.
--     * Slot: carried_forward_id Description: Row 四 - applications carried forward to the next year (also written 转结下年度).
-- # Class: HandlingResults Description: Row group 三 of table 三, keyed by HandlingOutcomeEnum, with the results total （七）. In the 2021 format （六）其他处理 has three reasons (other_handling); in the 2019 format it is one row (other_handling_2019).
--     * Slot: id
--     * Slot: granted_id Description: Row 三（一） - disclosed in full.
--     * Slot: partially_granted_id Description: Row 三（二） - disclosed in part (counted only here).
--     * Slot: denied_id Description: Row group 三（三） - disclosure refused, by reason.
--     * Slot: unable_id Description: Row group 三（四） - cannot be provided, by reason.
--     * Slot: not_processed_id Description: Row group 三（五） - not processed, by reason.
--     * Slot: other_handling_id Description: Row group 三（六） - other handling, by reason (2021 format).
--     * Slot: other_handling_2019_id Description: Row 三（六） - other handling, a single row (2019 format).
--     * Slot: results_total_id Description: Row 三（七） - the total of all handling results (一)-(六).
-- # Class: DenialReasons Description: Row group 三（三） of table 三, keyed by DenialReasonEnum.
--     * Slot: id
--     * Slot: state_secret_id Description: Row 三（三）1 - refused, state secret.
--     * Slot: prohibited_by_law_id Description: Row 三（三）2 - refused, prohibited by other laws or administrative regulations.
--     * Slot: security_stability_id Description: Row 三（三）3 - refused, would endanger the three securities and social stability.
--     * Slot: third_party_rights_id Description: Row 三（三）4 - refused to protect the lawful rights and interests of third parties.
--     * Slot: internal_affairs_id Description: Row 三（三）5 - refused, internal affairs information.
--     * Slot: process_information_id Description: Row 三（三）6 - refused, process information.
--     * Slot: enforcement_files_id Description: Row 三（三）7 - refused, law-enforcement case files.
--     * Slot: administrative_query_id Description: Row 三（三）8 - refused, administrative query matters.
-- # Class: UnableReasons Description: Row group 三（四） of table 三, keyed by UnableReasonEnum.
--     * Slot: id
--     * Slot: not_held_id Description: Row 三（四）1 - the organ does not hold the information.
--     * Slot: needs_creation_id Description: Row 三（四）2 - no existing information; would need to be created.
--     * Slot: still_unclear_id Description: Row 三（四）3 - still unclear after correction.
-- # Class: NotProcessedReasons Description: Row group 三（五） of table 三, keyed by NotProcessedReasonEnum.
--     * Slot: id
--     * Slot: petition_complaint_id Description: Row 三（五）1 - petitions, reports and complaints.
--     * Slot: repeated_id Description: Row 三（五）2 - repeated applications.
--     * Slot: publication_id Description: Row 三（五）3 - requests for public publications.
--     * Slot: excessive_id Description: Row 三（五）4 - large numbers of repeated applications without a proper reason.
--     * Slot: confirmation_id Description: Row 三（五）5 - requests to confirm or re-issue information already obtained.
-- # Class: OtherHandlingReasons Description: Row group 三（六） of table 三 in the 2021 format, keyed by OtherHandlingReasonEnum.
--     * Slot: id
--     * Slot: no_correction_id Description: Row 三（六）1 - no correction in time; no longer processed.
--     * Slot: fee_unpaid_id Description: Row 三（六）2 - fee not paid in time; no longer processed.
--     * Slot: other_reason_id Description: Row 三（六）3 - other.
-- # Class: ApplicantCounts Description: One row of table 三 - seven numbers, one per applicant column (ApplicantColumnEnum).
--     * Slot: id
--     * Slot: natural_person Description: Column 自然人 - applications by natural persons.
--     * Slot: commercial_enterprise Description: Column 商业企业 - applications by commercial enterprises (法人或其他组织).
--     * Slot: research_institution Description: Column 科研机构 - applications by research institutions (法人或其他组织).
--     * Slot: social_welfare_org Description: Column 社会公益组织 - applications by social public-welfare organisations (法人或其他组织).
--     * Slot: legal_service_org Description: Column 法律服务机构 - applications by legal service institutions (法人或其他组织).
--     * Slot: other_org Description: Column 其他 - applications by other legal persons or organisations (法人或其他组织).
--     * Slot: total Description: Column 总计 - the total of its row (table 三) or of its group (table 四).
-- # Class: ReviewsAndLitigation Description: Table 四 - three groups (CaseGroupEnum) of five columns (CaseColumnEnum).
--     * Slot: id
--     * Slot: administrative_review_id Description: Group 行政复议 - administrative reconsideration cases.
--     * Slot: litigation_direct_id Description: Group 行政诉讼 / 未经复议直接起诉 - litigation brought without reconsideration.
--     * Slot: litigation_after_review_id Description: Group 行政诉讼 / 复议后起诉 - litigation brought after reconsideration.
-- # Class: CaseCounts Description: One group of table 四 - four results and their total.
--     * Slot: id
--     * Slot: upheld Description: Column 结果维持 - decisions upheld.
--     * Slot: corrected Description: Column 结果纠正 - decisions corrected.
--     * Slot: other_result Description: Column 其他结果 - other results.
--     * Slot: pending Description: Column 尚未审结 - not yet concluded.
--     * Slot: total Description: Column 总计 - the total of its row (table 三) or of its group (table 四).
-- # Class: OrganRecord_organ_aliases
--     * Slot: OrganRecord_id Description: Autocreated FK slot
--     * Slot: organ_aliases Description: Other names the organ is printed under in its reports (管委会 for 管理委员会, 市政府 for 市人民政府, a name without its place, an old spelling); each resolves to the record's canonical_organ.
-- # Class: ExtractionRecord_section_headings
--     * Slot: ExtractionRecord_id Description: Autocreated FK slot
--     * Slot: section_headings Description: The numbers of the six section headings of the national format (一 to 六) found in the source, in the order they appear there; the rule NARR-SECTIONS reads it.
-- # Class: CellSource_place_bbox
--     * Slot: CellSource_id Description: Autocreated FK slot
--     * Slot: place_bbox Description: The box on the page in points from its top-left corner, as x0, top, x1, bottom (place_kind box).
-- # Class: ExtractionNote_note_candidates
--     * Slot: ExtractionNote_id Description: Autocreated FK slot
--     * Slot: note_candidates Description: For an ambiguous split, the splits that satisfy the rules, each as comma-separated numbers.

CREATE TABLE "LocalExtensions" (
	id INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_LocalExtensions_id" ON "LocalExtensions" (id);

CREATE TABLE "OrganRoster" (
	id INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_OrganRoster_id" ON "OrganRoster" (id);

CREATE TABLE "ExtractionRecord" (
	id INTEGER NOT NULL,
	source_file TEXT,
	source_format VARCHAR(4),
	source_encoding TEXT,
	extractor TEXT,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_ExtractionRecord_id" ON "ExtractionRecord" (id);

CREATE TABLE "StatisticalPeriod" (
	id INTEGER NOT NULL,
	start_date DATE,
	end_date DATE,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_StatisticalPeriod_id" ON "StatisticalPeriod" (id);

CREATE TABLE "DocumentRow" (
	id INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_DocumentRow_id" ON "DocumentRow" (id);

CREATE TABLE "DocumentCounts" (
	id INTEGER NOT NULL,
	issued INTEGER NOT NULL,
	repealed INTEGER NOT NULL,
	in_force INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_DocumentCounts_id" ON "DocumentCounts" (id);

CREATE TABLE "DocumentCounts2019" (
	id INTEGER NOT NULL,
	newly_made INTEGER NOT NULL,
	newly_published INTEGER NOT NULL,
	total_published INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_DocumentCounts2019_id" ON "DocumentCounts2019" (id);

CREATE TABLE "ItemRow" (
	id INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_ItemRow_id" ON "ItemRow" (id);

CREATE TABLE "DecisionCount" (
	id INTEGER NOT NULL,
	decisions INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_DecisionCount_id" ON "DecisionCount" (id);

CREATE TABLE "ItemCounts2019" (
	id INTEGER NOT NULL,
	previous_items INTEGER NOT NULL,
	change INTEGER NOT NULL,
	decisions INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_ItemCounts2019_id" ON "ItemCounts2019" (id);

CREATE TABLE "FeeRow" (
	id INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_FeeRow_id" ON "FeeRow" (id);

CREATE TABLE "FeeAmount" (
	id INTEGER NOT NULL,
	fee_amount NUMERIC NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_FeeAmount_id" ON "FeeAmount" (id);

CREATE TABLE "FeeItems2019" (
	id INTEGER NOT NULL,
	previous_items INTEGER NOT NULL,
	change INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_FeeItems2019_id" ON "FeeItems2019" (id);

CREATE TABLE "Procurement2019" (
	id INTEGER NOT NULL,
	procurement_items INTEGER NOT NULL,
	procurement_amount NUMERIC NOT NULL,
	procurement_amount_unit TEXT,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_Procurement2019_id" ON "Procurement2019" (id);

CREATE TABLE "ApplicantCounts" (
	id INTEGER NOT NULL,
	natural_person INTEGER NOT NULL,
	commercial_enterprise INTEGER NOT NULL,
	research_institution INTEGER NOT NULL,
	social_welfare_org INTEGER NOT NULL,
	legal_service_org INTEGER NOT NULL,
	other_org INTEGER NOT NULL,
	total INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_ApplicantCounts_id" ON "ApplicantCounts" (id);

CREATE TABLE "CaseCounts" (
	id INTEGER NOT NULL,
	upheld INTEGER NOT NULL,
	corrected INTEGER NOT NULL,
	other_result INTEGER NOT NULL,
	pending INTEGER NOT NULL,
	total INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX "ix_CaseCounts_id" ON "CaseCounts" (id);

CREATE TABLE "OrganRecord" (
	id INTEGER NOT NULL,
	canonical_organ TEXT NOT NULL,
	division_code TEXT,
	organ_level VARCHAR(8),
	roster_kind VARCHAR(10),
	parent_organ TEXT,
	first_year INTEGER,
	last_year INTEGER,
	successor_organ TEXT,
	"OrganRoster_id" INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY("OrganRoster_id") REFERENCES "OrganRoster" (id)
);
CREATE INDEX "ix_OrganRecord_id" ON "OrganRecord" (id);

CREATE TABLE "CellSource" (
	id INTEGER NOT NULL,
	cell_path TEXT NOT NULL,
	place_kind VARCHAR(5) NOT NULL,
	place_page INTEGER,
	place_table INTEGER,
	place_row INTEGER,
	place_col INTEGER,
	place_sheet TEXT,
	place_cell TEXT,
	place_line INTEGER,
	place_paragraph INTEGER,
	place_start INTEGER,
	place_end INTEGER,
	"ExtractionRecord_id" INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY("ExtractionRecord_id") REFERENCES "ExtractionRecord" (id)
);
CREATE INDEX "ix_CellSource_id" ON "CellSource" (id);

CREATE TABLE "ExtractionNote" (
	id INTEGER NOT NULL,
	note_kind VARCHAR(21) NOT NULL,
	note_path TEXT,
	note_message TEXT,
	note_raw TEXT,
	note_confidence FLOAT,
	note_rule TEXT,
	note_readings INTEGER,
	"ExtractionRecord_id" INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY("ExtractionRecord_id") REFERENCES "ExtractionRecord" (id)
);
CREATE INDEX "ix_ExtractionNote_id" ON "ExtractionNote" (id);

CREATE TABLE "ProactiveDisclosure" (
	id INTEGER NOT NULL,
	regulations_id INTEGER,
	normative_documents_id INTEGER,
	licensing_id INTEGER,
	penalty_id INTEGER,
	coercion_id INTEGER,
	fees_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(regulations_id) REFERENCES "DocumentCounts" (id),
	FOREIGN KEY(normative_documents_id) REFERENCES "DocumentCounts" (id),
	FOREIGN KEY(licensing_id) REFERENCES "DecisionCount" (id),
	FOREIGN KEY(penalty_id) REFERENCES "DecisionCount" (id),
	FOREIGN KEY(coercion_id) REFERENCES "DecisionCount" (id),
	FOREIGN KEY(fees_id) REFERENCES "FeeAmount" (id)
);
CREATE INDEX "ix_ProactiveDisclosure_id" ON "ProactiveDisclosure" (id);

CREATE TABLE "ProactiveDisclosure2019" (
	id INTEGER NOT NULL,
	regulations_id INTEGER,
	normative_documents_id INTEGER,
	licensing_id INTEGER,
	other_services_id INTEGER,
	penalty_id INTEGER,
	coercion_id INTEGER,
	fees_id INTEGER,
	procurement_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(regulations_id) REFERENCES "DocumentCounts2019" (id),
	FOREIGN KEY(normative_documents_id) REFERENCES "DocumentCounts2019" (id),
	FOREIGN KEY(licensing_id) REFERENCES "ItemCounts2019" (id),
	FOREIGN KEY(other_services_id) REFERENCES "ItemCounts2019" (id),
	FOREIGN KEY(penalty_id) REFERENCES "ItemCounts2019" (id),
	FOREIGN KEY(coercion_id) REFERENCES "ItemCounts2019" (id),
	FOREIGN KEY(fees_id) REFERENCES "FeeItems2019" (id),
	FOREIGN KEY(procurement_id) REFERENCES "Procurement2019" (id)
);
CREATE INDEX "ix_ProactiveDisclosure2019_id" ON "ProactiveDisclosure2019" (id);

CREATE TABLE "DenialReasons" (
	id INTEGER NOT NULL,
	state_secret_id INTEGER,
	prohibited_by_law_id INTEGER,
	security_stability_id INTEGER,
	third_party_rights_id INTEGER,
	internal_affairs_id INTEGER,
	process_information_id INTEGER,
	enforcement_files_id INTEGER,
	administrative_query_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(state_secret_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(prohibited_by_law_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(security_stability_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(third_party_rights_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(internal_affairs_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(process_information_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(enforcement_files_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(administrative_query_id) REFERENCES "ApplicantCounts" (id)
);
CREATE INDEX "ix_DenialReasons_id" ON "DenialReasons" (id);

CREATE TABLE "UnableReasons" (
	id INTEGER NOT NULL,
	not_held_id INTEGER,
	needs_creation_id INTEGER,
	still_unclear_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(not_held_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(needs_creation_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(still_unclear_id) REFERENCES "ApplicantCounts" (id)
);
CREATE INDEX "ix_UnableReasons_id" ON "UnableReasons" (id);

CREATE TABLE "NotProcessedReasons" (
	id INTEGER NOT NULL,
	petition_complaint_id INTEGER,
	repeated_id INTEGER,
	publication_id INTEGER,
	excessive_id INTEGER,
	confirmation_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(petition_complaint_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(repeated_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(publication_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(excessive_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(confirmation_id) REFERENCES "ApplicantCounts" (id)
);
CREATE INDEX "ix_NotProcessedReasons_id" ON "NotProcessedReasons" (id);

CREATE TABLE "OtherHandlingReasons" (
	id INTEGER NOT NULL,
	no_correction_id INTEGER,
	fee_unpaid_id INTEGER,
	other_reason_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(no_correction_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(fee_unpaid_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(other_reason_id) REFERENCES "ApplicantCounts" (id)
);
CREATE INDEX "ix_OtherHandlingReasons_id" ON "OtherHandlingReasons" (id);

CREATE TABLE "ReviewsAndLitigation" (
	id INTEGER NOT NULL,
	administrative_review_id INTEGER,
	litigation_direct_id INTEGER,
	litigation_after_review_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(administrative_review_id) REFERENCES "CaseCounts" (id),
	FOREIGN KEY(litigation_direct_id) REFERENCES "CaseCounts" (id),
	FOREIGN KEY(litigation_after_review_id) REFERENCES "CaseCounts" (id)
);
CREATE INDEX "ix_ReviewsAndLitigation_id" ON "ReviewsAndLitigation" (id);

CREATE TABLE "ExtractionRecord_section_headings" (
	"ExtractionRecord_id" INTEGER,
	section_headings TEXT,
	PRIMARY KEY ("ExtractionRecord_id", section_headings),
	FOREIGN KEY("ExtractionRecord_id") REFERENCES "ExtractionRecord" (id)
);
CREATE INDEX "ix_ExtractionRecord_section_headings_ExtractionRecord_id" ON "ExtractionRecord_section_headings" ("ExtractionRecord_id");
CREATE INDEX "ix_ExtractionRecord_section_headings_section_headings" ON "ExtractionRecord_section_headings" (section_headings);

CREATE TABLE "HandlingResults" (
	id INTEGER NOT NULL,
	granted_id INTEGER,
	partially_granted_id INTEGER,
	denied_id INTEGER,
	unable_id INTEGER,
	not_processed_id INTEGER,
	other_handling_id INTEGER,
	other_handling_2019_id INTEGER,
	results_total_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(granted_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(partially_granted_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(denied_id) REFERENCES "DenialReasons" (id),
	FOREIGN KEY(unable_id) REFERENCES "UnableReasons" (id),
	FOREIGN KEY(not_processed_id) REFERENCES "NotProcessedReasons" (id),
	FOREIGN KEY(other_handling_id) REFERENCES "OtherHandlingReasons" (id),
	FOREIGN KEY(other_handling_2019_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(results_total_id) REFERENCES "ApplicantCounts" (id)
);
CREATE INDEX "ix_HandlingResults_id" ON "HandlingResults" (id);

CREATE TABLE "OrganRecord_organ_aliases" (
	"OrganRecord_id" INTEGER,
	organ_aliases TEXT,
	PRIMARY KEY ("OrganRecord_id", organ_aliases),
	FOREIGN KEY("OrganRecord_id") REFERENCES "OrganRecord" (id)
);
CREATE INDEX "ix_OrganRecord_organ_aliases_OrganRecord_id" ON "OrganRecord_organ_aliases" ("OrganRecord_id");
CREATE INDEX "ix_OrganRecord_organ_aliases_organ_aliases" ON "OrganRecord_organ_aliases" (organ_aliases);

CREATE TABLE "CellSource_place_bbox" (
	"CellSource_id" INTEGER,
	place_bbox FLOAT,
	PRIMARY KEY ("CellSource_id", place_bbox),
	FOREIGN KEY("CellSource_id") REFERENCES "CellSource" (id)
);
CREATE INDEX "ix_CellSource_place_bbox_CellSource_id" ON "CellSource_place_bbox" ("CellSource_id");
CREATE INDEX "ix_CellSource_place_bbox_place_bbox" ON "CellSource_place_bbox" (place_bbox);

CREATE TABLE "ExtractionNote_note_candidates" (
	"ExtractionNote_id" INTEGER,
	note_candidates TEXT,
	PRIMARY KEY ("ExtractionNote_id", note_candidates),
	FOREIGN KEY("ExtractionNote_id") REFERENCES "ExtractionNote" (id)
);
CREATE INDEX "ix_ExtractionNote_note_candidates_ExtractionNote_id" ON "ExtractionNote_note_candidates" ("ExtractionNote_id");
CREATE INDEX "ix_ExtractionNote_note_candidates_note_candidates" ON "ExtractionNote_note_candidates" (note_candidates);

CREATE TABLE "ApplicationStatistics" (
	id INTEGER NOT NULL,
	new_applications_id INTEGER,
	carried_over_id INTEGER,
	results_id INTEGER,
	carried_forward_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(new_applications_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(carried_over_id) REFERENCES "ApplicantCounts" (id),
	FOREIGN KEY(results_id) REFERENCES "HandlingResults" (id),
	FOREIGN KEY(carried_forward_id) REFERENCES "ApplicantCounts" (id)
);
CREATE INDEX "ix_ApplicationStatistics_id" ON "ApplicationStatistics" (id);

CREATE TABLE "AnnualReport" (
	id INTEGER NOT NULL,
	organ TEXT NOT NULL,
	canonical_organ TEXT,
	organ_kind VARCHAR(21),
	division_code TEXT,
	report_year INTEGER NOT NULL,
	format_version VARCHAR(5) NOT NULL,
	publication_date DATE,
	source_url TEXT,
	overview TEXT,
	problems_and_improvements TEXT,
	other_matters TEXT,
	processing_fee_charged BOOLEAN,
	processing_fee_amount NUMERIC,
	statistical_period_id INTEGER,
	proactive_disclosure_id INTEGER,
	proactive_disclosure_2019_id INTEGER,
	applications_id INTEGER,
	reviews_and_litigation_id INTEGER,
	extraction_id INTEGER,
	extensions_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(statistical_period_id) REFERENCES "StatisticalPeriod" (id),
	FOREIGN KEY(proactive_disclosure_id) REFERENCES "ProactiveDisclosure" (id),
	FOREIGN KEY(proactive_disclosure_2019_id) REFERENCES "ProactiveDisclosure2019" (id),
	FOREIGN KEY(applications_id) REFERENCES "ApplicationStatistics" (id),
	FOREIGN KEY(reviews_and_litigation_id) REFERENCES "ReviewsAndLitigation" (id),
	FOREIGN KEY(extraction_id) REFERENCES "ExtractionRecord" (id),
	FOREIGN KEY(extensions_id) REFERENCES "LocalExtensions" (id)
);
CREATE INDEX "ix_AnnualReport_id" ON "AnnualReport" (id);
