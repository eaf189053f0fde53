import Foundation
import GongkaiModel

/// Something the importer wants an editor to look at, with the line of the pasted text.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "第 \(line) 行：\(message)" }
}

/// A line of the pasted text kept outside the body (page furniture, the red header), so that
/// nothing is lost: the notice file carries them as comments.
public struct KeptLine: Sendable, Hashable {
    public let line: Int
    public let text: String
    public let role: String
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
}

/// Turns a notice pasted as plain text (from a government web page or a PDF) into the notice
/// and the work plans it publishes. Handles what real notices look like: numbering in full- and
/// half-width brackets, unit parentheses in all their forms, lines broken inside words by PDF
/// extraction, a first plan without a title line, page furniture, dates written 2022519.
/// Every line of the input ends up in the result or in `notes`.
public struct PlanImporter: Sendable {
    /// Prefix of plan ids: `hunan` gives `hunan-2023-zwgk`.
    public let idPrefix: String
    /// Id the notice document will have, recorded in each plan.
    public let noticeID: String?

    public init(idPrefix: String, noticeID: String? = nil) {
        self.idPrefix = idPrefix
        self.noticeID = noticeID
    }

    public func run(_ text: String) -> ImportResult {
        var state = ImportState(idPrefix: idPrefix, noticeID: noticeID)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let cleaned = lines.map { TextCleaner.clean(String($0)).trimmingCharacters(in: .whitespaces) }
        state.findTitle(cleaned)
        for (index, line) in cleaned.enumerated() where !line.isEmpty {
            state.read(line, number: index + 1)
        }
        return state.finish()
    }
}

/// The importer's progress through the text.
private struct ImportState {
    let idPrefix: String
    let noticeID: String?

    var title = ""
    var titleLine = 0
    var planNames: [String] = []
    var notice = ImportedNotice(title: "", issuer: nil, documentNumber: nil, written: nil, published: nil, body: "", kept: [])
    var paragraphs: [(text: String, line: Int)] = []
    var notes: [ImportNote] = []
    var inPlans = false
    var headerDone = false
    var afterRelatedReading = false
    var plans: [PlanDraft] = []

    init(idPrefix: String, noticeID: String?) {
        self.idPrefix = idPrefix
        self.noticeID = noticeID
    }

    /// The notice title: the first line that announces a 印发 or ends in 通知, joined with the
    /// next lines while the title runs on.
    mutating func findTitle(_ lines: [String]) {
        for (index, line) in lines.enumerated().prefix(40) where line.contains("关于印发") || (line.hasSuffix("通知") && line.count < 80) {
            var text = line
            var next = index + 1
            while !text.hasSuffix("通知"), next < lines.count, next < index + 6 {
                if !lines[next].isEmpty { text += lines[next] }
                next += 1
            }
            title = text
            titleLine = index + 1
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

    mutating func read(_ line: String, number: Int) {
        let kind = LineKind.classify(line)
        if afterRelatedReading {
            notice.kept.append(KeptLine(line: number, text: line, role: "原网页“相关解读”"))
            return
        }
        switch kind {
        case .furniture:
            if line == "相关解读" { afterRelatedReading = true }
            notice.kept.append(KeptLine(line: number, text: line, role: "原网页信息"))
            return
        case .publishedAt(let moment):
            notice.published = notice.published ?? moment
            notice.kept.append(KeptLine(line: number, text: line, role: "原网页信息"))
            return
        default:
            break
        }
        if inPlans {
            readPlanLine(line, kind: kind, number: number)
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
        case .documentNumber(let value):
            notice.documentNumber = notice.documentNumber ?? value
        case .planTitle:
            startPlan(title: line, line: number)
        case .date(let date, let ambiguous):
            notice.written = notice.written ?? date
            if ambiguous {
                notes.append(ImportNote(line: number, message: "成文日期写作“\(line)”，已读作 \(date.chinese)，请核对。"))
            }
            if let last = paragraphs.last, !Self.endsSentence(last.text) { notice.issuer = notice.issuer ?? last.text }
            paragraphs.append((line, number))
            headerDone = true
        case .disclosureMark:
            paragraphs.append((line, number))
        default:
            if headerDone {
                // The notice has been signed and dated: what follows is the first plan, which
                // has no title line of its own (赫山区).
                startPlan(title: nil, line: number)
                readPlanLine(line, kind: kind, number: number)
            } else if let last = paragraphs.last, !Self.endsSentence(last.text), !Self.isDate(last.text) {
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

    static func isDate(_ text: String) -> Bool {
        // A date line is a few dozen characters; classifying a paragraph that keeps growing,
        // line after line, made import quadratic on text without sentence ends.
        guard text.utf8.count <= 256 else { return false }
        if case .date = LineKind.classify(text) { return true }
        return false
    }

    // MARK: The plans

    mutating func startPlan(title planTitle: String?, line: Int) {
        inPlans = true
        var name = planTitle.map(TextCleaner.squeezed)
        if name == nil {
            let used = Set(plans.map(\.title))
            name = planNames.first { !used.contains($0) }
            notes.append(ImportNote(line: line, message: name.map { "这份工作要点没有标题行，已按通知标题定名为《\($0)》。" }
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

    mutating func readPlanLine(_ line: String, kind: LineKind, number: Int) {
        switch kind {
        case .planTitle:
            startPlan(title: line, line: number)
        case .section(let value, let text, let sectionTitle):
            plans[plans.count - 1].sections.append(SectionDraft(number: value, text: text, title: sectionTitle, line: number))
        case .item(let value, let text, let rest):
            if plans[plans.count - 1].sections.isEmpty {
                notes.append(ImportNote(line: number, message: "任务\(text)出现在第一个部分（“一、…”）之前，已归入一个无标题的部分。"))
                plans[plans.count - 1].sections.append(SectionDraft(number: 0, text: "", title: "", line: number))
            }
            plans[plans.count - 1].sections[plans[plans.count - 1].sections.count - 1].items.append(
                ItemDraft(number: value, text: text, content: rest, line: number))
        default:
            appendContinuation(line, number: number)
        }
    }

    /// A line that starts nothing new continues what came before it (PDF extraction breaks
    /// lines anywhere, even inside a unit name).
    mutating func appendContinuation(_ line: String, number: Int) {
        let p = plans.count - 1
        if let s = plans[p].sections.indices.last {
            if let i = plans[p].sections[s].items.indices.last {
                plans[p].sections[s].items[i].content = TextCleaner.join(plans[p].sections[s].items[i].content, line)
            } else {
                notes.append(ImportNote(line: number, message: "这一行在部分标题“\(plans[p].sections[s].title)”之后、第一项任务之前，已接在部分标题后面，请核对。"))
                plans[p].sections[s].title = TextCleaner.join(plans[p].sections[s].title, line)
            }
        } else {
            plans[p].preamble = plans[p].preamble.isEmpty ? line : TextCleaner.join(plans[p].preamble, line)
        }
    }

    // MARK: Result

    mutating func finish() -> ImportResult {
        notice.body = paragraphs.map(\.text).joined(separator: "\n\n")
        if notice.documentNumber == nil {
            notes.append(ImportNote(line: max(titleLine, 1), message: "原文没有文号，“文号”留空。"))
        }
        if notice.published == nil, let written = notice.written {
            notes.append(ImportNote(line: max(titleLine, 1), message: "原文没有发布日期，已暂用成文日期 \(written.iso)，请按网站实际发布日期修改。"))
        }
        if plans.isEmpty {
            notes.append(ImportNote(line: max(titleLine, 1), message: "没有找到工作要点（以“…工作要点”为标题、以“一、”“（一）”编号的内容）。"))
        }
        var usedIDs: [String: Int] = [:]
        var built: [Plan] = []
        for draft in plans {
            var plan = draft.build(idPrefix: idPrefix, issuer: notice.issuer, notice: noticeID, notes: &notes)
            usedIDs[plan.id, default: 0] += 1
            if let count = usedIDs[plan.id], count > 1 { plan.id += "-\(count)" }
            built.append(plan)
        }
        return ImportResult(notice: notice, plans: built, notes: notes.sorted { $0.line < $1.line })
    }
}

private struct ItemDraft {
    let number: Int
    let text: String
    var content: String
    let line: Int
}

private struct SectionDraft {
    let number: Int
    let text: String
    var title: String
    let line: Int
    var items: [ItemDraft] = []
}

private struct PlanDraft {
    let title: String
    let line: Int
    var preamble = ""
    var sections: [SectionDraft] = []

    init(title: String, line: Int) {
        self.title = title
        self.line = line
    }

    func build(idPrefix: String, issuer: String?, notice: String?, notes: inout [ImportNote]) -> Plan {
        let yearMatch = title.firstMatch(of: /(\d{4})年/)
        let year = yearMatch.flatMap { Int($0.1) } ?? 0
        if year == 0 { notes.append(ImportNote(line: line, message: "工作要点标题“\(title)”中没有年份，请补上“年度”。")) }
        let region = yearMatch.map { String(title[..<$0.range.lowerBound]) } ?? ""
        let level: PlanLevel = region.hasSuffix("省") ? .province : region.hasSuffix("市") ? .city : .county
        let kind: PlanKind = title.contains("政务公开") ? .disclosure : .service
        var expected = 1
        let sections = sections.map { section in
            PlanSection(number: section.number, numberText: section.text.replacingOccurrences(of: "、", with: ""),
                        title: section.title, items: section.items.map { draft in
                if draft.number != expected {
                    notes.append(ImportNote(line: draft.line, message: "任务编号\(draft.text)与上一项不连续（应为第\(expected)项），请核对是否漏项或重号。"))
                }
                expected = draft.number + 1
                return item(draft, year: year, notes: &notes)
            })
        }
        return Plan(id: "\(idPrefix)-\(year)-\(kind.slug)", file: "", title: title, year: year, issuer: issuer,
                    region: region, level: level, kind: kind, notice: notice, parent: nil,
                    preamble: preamble, sections: sections)
    }

    func item(_ draft: ItemDraft, year: Int, notes: inout [ImportNote]) -> PlanItem {
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
        return PlanItem(number: draft.number, numberText: draft.text, title: parts.title, body: parts.body,
                        assignment: parts.assignment, leads: assignment.leads, partners: assignment.partners,
                        responsible: assignment.responsible,
                        deadlines: DeadlineFinder.deadlines(in: text, year: year),
                        targets: TargetFinder.targets(in: text), implements: nil, progress: [], line: draft.line)
    }
}
