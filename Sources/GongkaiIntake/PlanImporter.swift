import Foundation
import GongkaiModel

/// Something the importer wants an editor to look at, with the line of the pasted text.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { text(unit: "行") }

    /// The note for the editor: `第 12 行：…` for a text or PDF, `第 12 段：…` for a Word file or
    /// web page, whose blocks are counted by paragraph.
    public func text(unit: String) -> String { "第 \(line) \(unit)：\(message)" }
}

/// A line of the pasted text kept outside the body (page furniture, the red header), so that
/// nothing is lost: the notice file carries them as comments.
public struct KeptLine: Sendable, Hashable {
    public let line: Int
    public let text: String
    public let role: String

    public init(line: Int, text: String, role: String) {
        self.line = line
        self.text = text
        self.role = role
    }
}

/// The covering notice of a pasted text.
public struct ImportedNotice: Sendable {
    public var title: String
    public var issuer: String?
    public var documentNumber: String?
    public var written: CalendarDate?
    public var published: DateTime?
    /// The notice's own text (addressees, body, signature, date), as Markdown paragraphs.
    public var body: String
    public var kept: [KeptLine]
}

public struct ImportResult: Sendable {
    public var notice: ImportedNotice
    public var plans: [Plan]
    public var notes: [ImportNote]
    /// Half-width punctuation marks made full-width (标点不规范), counted for the report.
    public var punctuationFixes: Int = 0
    /// Headings of groups above the items (（一） holding 1. tasks) per plan id, kept as comments.
    public var groups: [String: [String]] = [:]
    /// Set when the text has no numbered structure at all: the import fails with this message.
    public var failure: ImportNote?
}

/// Turns a notice (from a web page, a PDF, a Word file or plain text, already read into
/// blocks) into the notice and the work plans it publishes. A plan is found by its structure —
/// numbered sections and items, or a task table — never by a title word. Handles numbering
/// （一） (一) 1. 1、 （1） on two levels, units in parentheses or after labels (牵头单位：),
/// task tables from Word, HTML or flattened into text, page furniture, lines broken by PDF
/// extraction, a first plan without a title line, dates written 2022519 or 二〇二三年三月六日.
/// Every line of the input ends up in the result, in `kept` or in `notes`.
public struct PlanImporter: Sendable {
    /// Prefix of plan ids: `hunan` gives `hunan-2023-zwgk`.
    public let idPrefix: String
    /// Id the notice document will have, recorded in each plan.
    public let noticeID: String?
    /// Units the site's plans already name, to cut glued names apart.
    public let knownUnits: Set<String>

    public init(idPrefix: String, noticeID: String? = nil, knownUnits: Set<String> = []) {
        self.idPrefix = idPrefix
        self.noticeID = noticeID
        self.knownUnits = knownUnits
    }

    public func run(_ text: String) -> ImportResult {
        run(TextBlocks.read(text.replacingOccurrences(of: "\r\n", with: "\n")))
    }

    public func run(_ document: BlockDocument) -> ImportResult {
        var fix = PunctuationFix()
        var entries: [Entry] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                for piece in paragraph.text.split(separator: "\n") {
                    let line = fix.fix(String(piece).replacingOccurrences(of: "\u{a0}", with: " ").trimmingCharacters(in: .whitespaces))
                    if !line.isEmpty { entries.append(.line(line, paragraph.line)) }
                }
            case .table(var table):
                for row in table.rows.indices {
                    for cell in table.rows[row].indices {
                        let text = table.rows[row][cell].text.split(separator: "\n").map {
                            fix.fix(TextCleaner.clean(String($0)).trimmingCharacters(in: .whitespaces))
                        }.filter { !$0.isEmpty }
                        table.rows[row][cell].text = text.joined(separator: "\n")
                    }
                }
                entries.append(.table(table, table.line))
            }
        }
        let units = UnitCells(known: knownUnits)
        // Flattened tables are found before spaces between Chinese text are dropped: a
        // space may be all that separates two cells.
        entries = FlatTable.convert(entries, units: units).compactMap { entry in
            switch entry {
            case .line(let text, let line):
                let cleaned = TextCleaner.clean(text).trimmingCharacters(in: .whitespaces)
                return cleaned.isEmpty ? nil : .line(cleaned, line)
            case .table(var table, let line):
                for row in table.rows.indices {
                    for cell in table.rows[row].indices {
                        table.rows[row][cell].text = table.rows[row][cell].text.split(separator: "\n")
                            .map { TextCleaner.clean(String($0)).trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                    }
                }
                return .table(table, line)
            }
        }
        var state = ImportState(idPrefix: idPrefix, noticeID: noticeID, units: units)
        state.notes = document.notes
        state.notice.kept = document.dropped
        state.run(entries)
        var result = state.finish()
        result.punctuationFixes = fix.changes
        return result
    }
}

/// A line of the input or a table, with where it starts.
enum Entry {
    case line(String, Int)
    case table(Table, Int)

    var line: Int {
        switch self {
        case .line(_, let line), .table(_, let line): line
        }
    }

    var text: String? {
        if case .line(let text, _) = self { return text }
        return nil
    }
}

/// The importer's progress through the text.
private struct ImportState {
    let idPrefix: String
    let noticeID: String?
    let units: UnitCells

    var title = ""
    var titleLine = 0
    var titleEntry = -1
    var planNames: [String] = []
    var notice = ImportedNotice(title: "", issuer: nil, documentNumber: nil, written: nil, published: nil, body: "", kept: [])
    var paragraphs: [(text: String, line: Int)] = []
    var notes: [ImportNote] = []
    var afterRelatedReading = false
    var plans: [PlanDraft] = []
    var kinds: [LineKind?] = []

    init(idPrefix: String, noticeID: String?, units: UnitCells) {
        self.idPrefix = idPrefix
        self.noticeID = noticeID
        self.units = units
    }

    mutating func run(_ entries: [Entry]) {
        kinds = entries.map { $0.text.map(LineKind.classify) }
        findTitle(entries)
        let starts = planStarts(entries)
        var current: Int? = nil
        var index = 0
        while index < entries.count {
            let entry = entries[index]
            if let start = starts[index] {
                startPlan(title: start.title, line: entry.line, titleLine: start.titleLine)
                current = plans.count - 1
                if start.skip > 0 {
                    for skipped in (index + 1)..<min(entries.count, index + 1 + start.skip) {
                        if let text = entries[skipped].text { notice.kept.append(KeptLine(line: entries[skipped].line, text: text, role: "标题续行")) }
                    }
                }
                if start.title != nil {
                    index += 1 + start.skip
                    continue
                }
            }
            switch entry {
            case .table(let table, _):
                if current != nil, let task = TaskTable.read(table, units: units) {
                    plans[plans.count - 1].entries.append(.table(task))
                } else {
                    // A table that is not a task table: its rows are read as lines.
                    for row in table.grid() {
                        let text = row.filter { !$0.repeated }.map(\.text).joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
                        if !text.isEmpty { read(text, kind: LineKind.classify(text), number: table.line, next: nil, inPlan: current != nil) }
                    }
                }
            case .line(let text, let number):
                let next = entries.indices.contains(index + 1) ? kinds[index + 1] : nil
                read(text, kind: kinds[index]!, number: number, next: next, inPlan: current != nil)
            }
            index += 1
        }
    }

    /// The notice title: the first line that announces a 印发 or ends in 通知, joined with the
    /// next lines while the title runs on.
    mutating func findTitle(_ entries: [Entry]) {
        for (index, entry) in entries.enumerated().prefix(40) {
            guard let line = entry.text, line.count < 120, line.contains("关于印发") || (line.hasSuffix("通知") && line.count < 80) else { continue }
            var text = line
            var next = index + 1
            while !text.hasSuffix("通知"), next < entries.count, next < index + 6, let more = entries[next].text {
                text += more
                next += 1
            }
            if !text.hasSuffix("通知") { text = line }
            title = text
            titleLine = entry.line
            titleEntry = index
            break
        }
        if title.isEmpty {
            notes.append(ImportNote(line: 1, message: "没有找到通知标题（通常含“关于印发”），请在生成的文件中补上“标题”。"))
        }
        notice.title = title
        let names = try! NSRegularExpression(pattern: "《([^》]+)》")
        let ns = title as NSString
        planNames = names.matches(in: title, range: NSRange(location: 0, length: ns.length)).map {
            TextCleaner.squeezed(ns.substring(with: $0.range(at: 1)))
        }
    }

    // MARK: Where plans start

    struct Start {
        var title: String?
        var titleLine: Int
        /// Lines after the title line that continue the title.
        var skip: Int
    }

    /// Plans start at the first section of their numbering (一、, else （一）, else 1.) or at a
    /// task table, with the title found by walking back over the preamble.
    func planStarts(_ entries: [Entry]) -> [Int: Start] {
        let levels = Set(kinds.compactMap { $0?.level })
        let anchorLevel = [1, 2, 3, 4].first { levels.contains($0) }
        var anchors: [Int] = []
        for index in entries.indices {
            if let kind = kinds[index], kind.level == anchorLevel, kind.numbered?.number == 1 {
                // The same first heading again (a merged table cell split) does not start a plan.
                if let previous = anchors.last, entries[previous].text.map(TextCleaner.squeezed) == entries[index].text.map(TextCleaner.squeezed) { continue }
                anchors.append(index)
            } else if case .table(let table, _) = entries[index], TaskTable.read(table, units: units) != nil {
                // A task table starts a plan unless a plan's numbering already runs here.
                let previous = anchors.last ?? -1
                let between = entries.indices.filter { $0 > previous && $0 < index }
                if anchors.isEmpty || !between.contains(where: { kinds[$0]?.level != nil }) && between.contains(where: { isTitleLike(entries[$0].text) }) {
                    anchors.append(index)
                }
            }
        }
        // Numbering in the notice's own text before its signature is the notice's.
        if titleEntry >= 0, let signed = entries.indices.first(where: { $0 > titleEntry && isDate(kinds[$0]) }) {
            let after = anchors.filter { $0 > signed }
            if !after.isEmpty { anchors = after }
        }
        var starts: [Int: Start] = [:]
        var lower = -1
        for anchor in anchors {
            var index = anchor - 1
            var window: [Int] = []
            while index > lower, index >= 0, index > anchor - 16 {
                if case .table = entries[index] { break }
                let kind = kinds[index]
                if kind?.level != nil || isDate(kind) || index == titleEntry { break }
                if case .documentNumber = kind {
                    index -= 1
                    continue
                }
                if case .disclosureMark = kind { break }
                window.insert(index, at: 0)
                index -= 1
            }
            let candidates = window.filter { isTitleLike(entries[$0].text) && kinds[$0] != .furniture && kinds[$0] != .attachmentMark }
            let preferred = candidates.filter { looksLikePlanTitle(entries[$0].text!) }
            if let chosen = preferred.last
                ?? (candidates.first.flatMap { first in
                    window.first { !isTitleLike(entries[$0].text) && kinds[$0] != .furniture && kinds[$0] != .attachmentMark }.map { $0 > first } ?? true ? first : nil
                })
            {
                var text = Self.withoutAttachmentMark(entries[chosen].text!)
                var skip = 0
                // A title broken over two lines: the next line continues it when it is short, unpunctuated and not preamble.
                if let next = window.first(where: { $0 > chosen }), next == chosen + 1, isTitleLike(entries[next].text),
                    !looksLikePlanTitle(text), (text + entries[next].text!).count <= 60
                {
                    text += entries[next].text!
                    skip = 1
                }
                starts[chosen] = Start(title: text, titleLine: entries[chosen].line, skip: skip)
            } else {
                let first = window.first { kinds[$0] != .furniture && kinds[$0] != .attachmentMark } ?? anchor
                starts[first] = Start(title: nil, titleLine: entries[first].line, skip: 0)
            }
            lower = anchor
        }
        return starts
    }

    static func withoutAttachmentMark(_ text: String) -> String {
        if let match = text.firstMatch(of: /^附件\s*\d*\s*[:：]?\s*/), match.range.upperBound < text.endIndex {
            return String(text[match.range.upperBound...])
        }
        return text
    }

    func isDate(_ kind: LineKind?) -> Bool {
        if case .date = kind { return true }
        return false
    }

    func isTitleLike(_ text: String?) -> Bool {
        guard let text, (4...70).contains(text.count) else { return false }
        if text.contains(where: { "。；！？".contains($0) }) { return false }
        if let last = text.last, "，、：:,）)」”".contains(last) { return false }
        return true
    }

    /// A title naming a year or a kind of plan; used only to choose between candidates.
    func looksLikePlanTitle(_ text: String) -> Bool {
        text.contains(/\d{4}\s*年|年度/) || ["要点", "任务", "方案", "计划", "清单", "分解表", "措施", "安排", "台账", "工作"].contains { text.hasSuffix($0) }
    }

    // MARK: Reading lines

    mutating func read(_ line: String, kind: LineKind, number: Int, next: LineKind?, inPlan: Bool) {
        if afterRelatedReading {
            notice.kept.append(KeptLine(line: number, text: line, role: "原网页“相关解读”"))
            return
        }
        switch kind {
        case .furniture:
            if line == "相关解读" { afterRelatedReading = true }
            notice.kept.append(KeptLine(line: number, text: line, role: "原网页信息"))
            return
        case .attachmentMark:
            notice.kept.append(KeptLine(line: number, text: line, role: "附件标记"))
            return
        case .publishedAt(let moment):
            notice.published = notice.published ?? moment
            notice.kept.append(KeptLine(line: number, text: line, role: "原网页信息"))
            return
        default:
            break
        }
        if inPlan {
            // A signature and date after the plan belong to the notice.
            if case .date(let date, _) = kind {
                notice.written = notice.written ?? date
                paragraphs.append((line, number))
                return
            }
            if isDate(next), isTitleLike(line), line.count <= 40, !line.contains(where: \.isNumber), kind.level == nil {
                notice.issuer = notice.issuer ?? line
                paragraphs.append((line, number))
                return
            }
            if case .documentNumber(let value) = kind {
                notice.documentNumber = notice.documentNumber ?? value
                return
            }
            if case .disclosureMark = kind {
                paragraphs.append((line, number))
                return
            }
            plans[plans.count - 1].entries.append(.line(kind, line, number))
        } else {
            readHeaderLine(line, kind: kind, number: number)
        }
    }

    // MARK: The notice

    mutating func readHeaderLine(_ line: String, kind: LineKind, number: Int) {
        if case .documentNumber(let value) = kind {
            notice.documentNumber = notice.documentNumber ?? value
            return
        }
        if titleLine > 0 && number < titleLine {
            notice.kept.append(KeptLine(line: number, text: line, role: "版头"))
            return
        }
        if number == titleLine || (!title.isEmpty && TextCleaner.squeezed(title).contains(TextCleaner.squeezed(line)) && paragraphs.isEmpty) {
            return
        }
        switch kind {
        case .date(let date, let ambiguous):
            notice.written = notice.written ?? date
            if ambiguous {
                notes.append(ImportNote(line: number, message: "成文日期写作“\(line)”，已读作 \(date.chinese)，请核对。"))
            }
            if let last = paragraphs.last, !Self.endsSentence(last.text) { notice.issuer = notice.issuer ?? last.text }
            paragraphs.append((line, number))
        case .disclosureMark:
            paragraphs.append((line, number))
        default:
            if let last = paragraphs.last, !Self.endsSentence(last.text), !Self.isDateText(last.text), !Self.isMark(last.text) {
                paragraphs[paragraphs.count - 1].text = TextCleaner.join(last.text, line)
            } else {
                paragraphs.append((line, number))
            }
        }
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return "。：:；;！？!?）)".contains(last)
    }

    static func isDateText(_ text: String) -> Bool {
        // A date line is a few dozen characters; classifying a paragraph that keeps growing,
        // line after line, made import quadratic on text without sentence ends.
        guard text.utf8.count <= 256 else { return false }
        if case .date = LineKind.classify(text) { return true }
        return false
    }

    static func isMark(_ text: String) -> Bool {
        text.hasPrefix("（此件") || text.hasPrefix("(此件")
    }

    // MARK: The plans

    mutating func startPlan(title planTitle: String?, line: Int, titleLine: Int) {
        var name = planTitle.map(TextCleaner.squeezed)
        if name == nil {
            let used = Set(plans.map(\.title))
            name = planNames.first { !used.contains($0) }
            if name == nil, !title.isEmpty, plans.isEmpty, !title.contains("印发") { name = TextCleaner.squeezed(title) }
            notes.append(
                ImportNote(
                    line: line,
                    message: name.map { "这份工作要点没有标题行，已按通知标题定名为《\($0)》。" }
                        ?? "这份工作要点没有标题行，通知标题中也找不到它的名称，请补上标题。"))
        } else if let name, !planNames.isEmpty, !planNames.contains(name) {
            let similar = planNames.first { Self.sameApartFromOrder($0, name) } ?? planNames.joined(separator: "》《")
            notes.append(ImportNote(line: line, message: "工作要点标题“\(name)”与通知标题中的《\(similar)》不一致，已采用正文中的标题。"))
        }
        plans.append(PlanDraft(title: name ?? "未命名工作要点", line: line))
    }

    static func sameApartFromOrder(_ a: String, _ b: String) -> Bool {
        a.count == b.count && a.sorted() == b.sorted()
    }

    // MARK: Result

    mutating func finish() -> ImportResult {
        if notice.documentNumber == nil {
            notes.append(ImportNote(line: max(titleLine, 1), message: "原文没有文号，“文号”留空。"))
        }
        if notice.published == nil, let written = notice.written {
            notes.append(ImportNote(line: max(titleLine, 1), message: "原文没有发布日期，已暂用成文日期 \(written.iso)，请按网站实际发布日期修改。"))
        } else if notice.published == nil, notice.written == nil {
            notes.append(ImportNote(line: max(titleLine, 1), message: "原文没有成文日期和发布日期，“发布日期”暂填导入当天，请在通知文件中改为实际日期并补上“成文日期”。"))
        }
        var usedIDs: [String: Int] = [:]
        var built: [Plan] = []
        var groups: [String: [String]] = [:]
        let fallbackYear = title.firstMatch(of: /(\d{4})\s*年/).flatMap { Int($0.1) } ?? notice.written?.year ?? notice.published?.date.year
        for draft in plans {
            var drafted = draft.build(
                idPrefix: idPrefix, issuer: notice.issuer, notice: noticeID, fallbackYear: fallbackYear,
                units: units, notes: &notes)
            guard !drafted.plan.items.isEmpty else {
                // Numbered text without tasks (the notice's own 一、二、): kept in the notice.
                paragraphs += draft.allLines
                notes.append(ImportNote(line: draft.line, message: "“\(draft.title)”之下没有找到任务，这部分文字已作为通知正文保留。"))
                continue
            }
            usedIDs[drafted.plan.id, default: 0] += 1
            if let count = usedIDs[drafted.plan.id], count > 1 { drafted.plan.id += "-\(count)" }
            if !drafted.groups.isEmpty { groups[drafted.plan.id] = drafted.groups }
            built.append(drafted.plan)
        }
        notice.body = paragraphs.sorted { $0.line < $1.line }.map(\.text).joined(separator: "\n\n")
        var failure: ImportNote?
        if built.isEmpty {
            let start = paragraphs.first.map { "“\($0.text.prefix(30))”（第 \($0.line) 行）" } ?? "（没有正文）"
            failure = ImportNote(
                line: paragraphs.first?.line ?? 1,
                message:
                    "没有找到工作任务：正文中既没有“一、”“（一）”“1.”“（1）”这样编号的部分和任务，也没有带“牵头单位”“责任单位”等表头的任务分解表。文字从\(start)开始。请确认导入的是印发工作要点（方案、任务清单）的通知全文。")
        }
        return ImportResult(notice: notice, plans: built, notes: notes.sorted { $0.line < $1.line }, groups: groups, failure: failure)
    }
}

private struct ItemDraft {
    var number: Int
    var text: String
    var content: String
    let line: Int
    var table: TaskTable.Item?
}

private struct SectionDraft {
    var number: Int
    var text: String
    var title: String
    let line: Int
    var items: [ItemDraft] = []
}

private enum DraftEntry {
    case line(LineKind, String, Int)
    case table(TaskTable)
}

private struct PlanDraft {
    let title: String
    let line: Int
    var entries: [DraftEntry] = []

    init(title: String, line: Int) {
        self.title = title
        self.line = line
    }

    var allLines: [(text: String, line: Int)] {
        entries.flatMap { entry -> [(text: String, line: Int)] in
            switch entry {
            case .line(_, let text, let line): [(text, line)]
            case .table(let table): table.headers.map { ($0, line) } + table.sections.flatMap { [($0.title, $0.line)] + $0.items.map { ($0.text, $0.line) } }
            }
        }
    }

    /// Chooses the numbering level of the items: the deepest level whose parts mostly name
    /// units (or, when none does, the deepest of （一） and 1.); levels above it are sections
    /// and groups, levels below run on inside the item.
    func itemLevel() -> Int? {
        let lines = entries.compactMap { entry -> (LineKind, String)? in
            if case .line(let kind, let text, _) = entry { return (kind, text) }
            return nil
        }
        let present = Set(lines.compactMap { $0.0.level })
        var best: Int?
        for level in [2, 3, 4] where present.contains(level) {
            var spans = 0
            var assigned = 0
            var index = 0
            while index < lines.count {
                guard lines[index].0.level == level else {
                    index += 1
                    continue
                }
                var text = lines[index].1
                var next = index + 1
                while next < lines.count, (lines[next].0.level ?? 99) > level {
                    text += lines[next].1
                    next += 1
                }
                spans += 1
                if ItemParts.hasUnits(text) { assigned += 1 }
                index = next
            }
            if spans > 0, assigned * 2 > spans { best = level }
        }
        if let best { return best }
        if present.contains(3) { return 3 }
        if present.contains(2) { return 2 }
        if present.contains(4) { return 4 }
        return present.contains(1) ? 1 : nil
    }

    func build(
        idPrefix: String, issuer: String?, notice: String?, fallbackYear: Int?, units: UnitCells,
        notes: inout [ImportNote]
    ) -> (plan: Plan, groups: [String]) {
        let yearMatch = title.firstMatch(of: /(\d{4})\s*年/)
        var year = yearMatch.flatMap { Int($0.1) } ?? 0
        if year == 0 {
            year = fallbackYear ?? Calendar(identifier: .gregorian).component(.year, from: Date())
            notes.append(ImportNote(line: line, message: "工作要点标题“\(title)”中没有年份，已按通知的年份定为 \(year) 年，请核对“年度”。"))
        }
        var region = yearMatch.map { String(title[..<$0.range.lowerBound]) } ?? ""
        if region.isEmpty, let issuer, let match = issuer.firstMatch(of: /^(.+?[省市区县州旗])/) { region = String(match.1) }
        region = region.replacingOccurrences(of: "关于印发", with: "")
        let level: PlanLevel = region.hasSuffix("省") ? .province : region.hasSuffix("市") || region.hasSuffix("州") ? .city : .county
        let kind = PlanCategory.of(title: title, region: region, allText: allLines.map(\.text))

        let itemLevel = itemLevel() ?? 0
        let present = Set(
            entries.compactMap { entry -> Int? in
                if case .line(let kind, _, _) = entry { return kind.level }
                return nil
            })
        let sectionLevel = [1, 2, 3].first { present.contains($0) && $0 < itemLevel }
        var preamble = ""
        var sections: [SectionDraft] = []
        var groups: [String] = []
        for entry in entries {
            switch entry {
            case .table(let table):
                groups += table.headers.map { "表头：\($0)" }
                for section in table.sections {
                    if section.title.isEmpty, !sections.isEmpty {
                        // Rows of a table under a numbered heading of the text: that heading's items.
                    } else if let last = sections.last, TextCleaner.squeezed(last.title) == TextCleaner.squeezed(section.title) {
                    } else {
                        let number = section.number ?? sections.count + 1
                        sections.append(SectionDraft(number: number, text: ChineseNumeral.text(number), title: section.title, line: section.line))
                    }
                    for item in section.items {
                        sections[sections.count - 1].items.append(ItemDraft(number: item.number ?? 0, text: item.numberText ?? "", content: item.text, line: item.line, table: item))
                    }
                }
            case .line(let kind, let line, let number):
                if let level = kind.level, let numbered = kind.numbered, level == sectionLevel {
                    let plain = numbered.text.filter { ChineseNumeral.characters.contains($0) || $0.isNumber }
                    if let last = sections.last, last.number == numbered.number, TextCleaner.squeezed(last.title) == TextCleaner.squeezed(numbered.rest) {
                        notes.append(ImportNote(line: number, message: "部分标题“\(numbered.text)\(numbered.rest)”重复出现（表格的合并单元格被拆开），已作为同一部分。"))
                        continue
                    }
                    sections.append(
                        SectionDraft(
                            number: numbered.number, text: Int(plain) != nil ? ChineseNumeral.text(numbered.number) : plain,
                            title: numbered.rest, line: number))
                } else if let level = kind.level, let numbered = kind.numbered, level == itemLevel {
                    if sections.isEmpty {
                        if sectionLevel != nil {
                            notes.append(ImportNote(line: number, message: "任务\(numbered.text)出现在第一个部分之前，已归入一个无标题的部分。"))
                        }
                        sections.append(SectionDraft(number: 1, text: "一", title: "", line: number))
                    }
                    sections[sections.count - 1].items.append(ItemDraft(number: numbered.number, text: numbered.text, content: numbered.rest, line: number))
                } else if let level = kind.level, level < itemLevel {
                    // A group above the items (（一） holding 1. tasks): kept as a heading.
                    groups.append("第 \(number) 行：\(line)")
                    notes.append(ImportNote(line: number, message: "“\(line.prefix(30))”是任务之上的分组标题，已作为注释保留在工作要点文件开头。"))
                } else if let s = sections.indices.last {
                    if let i = sections[s].items.indices.last {
                        sections[s].items[i].content = TextCleaner.join(sections[s].items[i].content, line)
                    } else {
                        notes.append(ImportNote(line: number, message: "这一行在部分标题“\(sections[s].title)”之后、第一项任务之前，已接在部分标题后面，请核对。"))
                        sections[s].title = TextCleaner.join(sections[s].title, line)
                    }
                } else {
                    preamble = preamble.isEmpty ? line : (preamble.last.map { "。；：".contains($0) } ?? false ? preamble + line : TextCleaner.join(preamble, line))
                }
            }
        }
        var expected = 1
        var restarted = false
        let built = sections.filter { !$0.items.isEmpty || !$0.title.isEmpty }.map { section in
            PlanSection(
                number: section.number, numberText: section.text.replacingOccurrences(of: "、", with: ""),
                title: section.title,
                items: section.items.map { draft in
                    var draft = draft
                    if draft.number == 0 || draft.number < expected {
                        // Numbers starting again in each section, or rows without a number: numbered on.
                        if draft.number != 0, draft.number < expected, !restarted {
                            restarted = true
                            notes.append(ImportNote(line: draft.line, message: "任务编号在各部分重新从 \(draft.number) 开始，已按全文连续编号（原编号保留在工作要点文件开头的注释中）。"))
                        }
                        if draft.number != 0 { groups.append("第 \(draft.line) 行：任务原编号“\(draft.text)”，已改为第 \(expected) 项") }
                        draft.number = expected
                        draft.text = draft.table == nil && draft.text.contains(where: { ChineseNumeral.characters.contains($0) }) ? "（\(ChineseNumeral.text(expected))）" : "\(expected)."
                    } else if draft.number != expected {
                        notes.append(ImportNote(line: draft.line, message: "任务编号\(draft.text)与上一项不连续（应为第\(expected)项），请核对是否漏项或重号；已保留原编号。"))
                    }
                    expected = draft.number + 1
                    return item(draft, year: year, units: units, notes: &notes)
                })
        }
        // Parts without tasks (一、总体要求 and its paragraphs) stay in the preamble.
        for section in sections where section.items.isEmpty && !section.title.isEmpty {
            let heading = section.text.count <= 3 && section.text.allSatisfy(ChineseNumeral.characters.contains) ? "\(section.text)、\(section.title)" : section.title
            preamble = preamble.isEmpty ? heading : preamble + "\n" + heading
        }
        let plan = Plan(
            id: "\(idPrefix)-\(year)-\(PlanCategory.slug(kind))", file: "", title: title, year: year, issuer: issuer,
            region: region, level: level, kind: kind, notice: notice, parent: nil,
            preamble: preamble, sections: built.filter { !$0.items.isEmpty })
        return (plan, groups)
    }

    func item(_ draft: ItemDraft, year: Int, units: UnitCells, notes: inout [ImportNote]) -> PlanItem {
        if let row = draft.table {
            let parts = ItemText(row.text.replacingOccurrences(of: "\n", with: ""))
            let text = [parts.title, parts.body].compactMap { $0 }.joined(separator: "。")
            if row.leads.isEmpty, row.partners.isEmpty {
                notes.append(ImportNote(line: draft.line, message: "任务\(draft.text)的单位栏是空的，台账中不会出现这项任务。"))
            }
            return PlanItem(
                number: draft.number, numberText: draft.text, title: parts.title, body: parts.body,
                assignment: row.assignment, leads: row.leads, partners: row.partners, responsible: [],
                deadlines: DeadlineFinder.deadlines(in: (row.deadline ?? "") + text, year: year),
                targets: TargetFinder.targets(in: text), implements: nil, progress: [], line: draft.line)
        }
        let labelled = ItemParts(draft.content, units: units)
        if let labelled {
            let parts = ItemText(labelled.text)
            let text = [parts.title, parts.body].compactMap { $0 }.joined(separator: "。")
            return PlanItem(
                number: draft.number, numberText: draft.text, title: parts.title, body: parts.body,
                assignment: labelled.assignment, leads: labelled.leads, partners: labelled.partners, responsible: [],
                deadlines: DeadlineFinder.deadlines(in: labelled.deadline + text, year: year),
                targets: TargetFinder.targets(in: text), implements: nil, progress: [], line: draft.line)
        }
        let parts = ItemText(draft.content)
        var assignment = Assignment("")
        if let written = parts.assignment {
            assignment = Assignment(written)
            for clause in assignment.unread {
                notes.append(ImportNote(line: draft.line, message: "任务\(draft.text)分工中的“\(clause)”无法判断是牵头还是配合单位，已原样保留在“分工”中。"))
            }
        } else {
            notes.append(ImportNote(line: draft.line, message: "任务\(draft.text)末尾没有写明牵头或责任单位的括号，台账中不会出现这项任务。"))
        }
        let text = [parts.title, parts.body].compactMap { $0 }.joined(separator: "。")
        return PlanItem(
            number: draft.number, numberText: draft.text, title: parts.title, body: parts.body,
            assignment: parts.assignment, leads: assignment.leads, partners: assignment.partners,
            responsible: assignment.responsible,
            deadlines: DeadlineFinder.deadlines(in: text, year: year),
            targets: TargetFinder.targets(in: text), implements: nil, progress: [], line: draft.line)
    }
}
