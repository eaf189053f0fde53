/// A work plan (工作要点) as data: sections of numbered items, each with who leads it, by when,
/// and how far it has got.
public struct Plan: Sendable, Hashable {
    /// File name without `.yml`: `hunan-2023-zwgk`.
    public var id: String
    /// Path of the source file relative to the project, for messages.
    public var file: String
    public var title: String
    public var year: Int
    /// 印发机关
    public var issuer: String?
    /// 湖南省, 邵阳市, 开福区…
    public var region: String
    public var level: PlanLevel
    public var kind: PlanKind
    /// Id of the notice document that published the plan.
    public var notice: String?
    /// Id of the higher-level plan this one carries out, when set by hand.
    public var parent: String?
    public var preamble: String
    public var sections: [PlanSection]
    /// Line of each top-level field, by English field name.
    public var fieldLines: [String: Int]

    public init(
        id: String, file: String, title: String, year: Int, issuer: String?, region: String,
        level: PlanLevel, kind: PlanKind, notice: String?, parent: String?, preamble: String,
        sections: [PlanSection], fieldLines: [String: Int] = [:]
    ) {
        self.id = id
        self.file = file
        self.title = title
        self.year = year
        self.issuer = issuer
        self.region = region
        self.level = level
        self.kind = kind
        self.notice = notice
        self.parent = parent
        self.preamble = preamble
        self.sections = sections
        self.fieldLines = fieldLines
    }

    public var items: [PlanItem] { sections.flatMap(\.items) }

    public func item(_ number: Int) -> PlanItem? {
        items.first { $0.number == number }
    }

    /// The units responsible for each item: those the item names plus those an earlier item
    /// declared responsible for everything after it ("以下不再列出").
    public func responsible(for item: PlanItem) -> [String] {
        var units: [String] = []
        for candidate in items where candidate.number <= item.number {
            for unit in candidate.responsible where !units.contains(unit) { units.append(unit) }
        }
        return units
    }

    /// The reference other plans use for an item: `hunan-2023-zwgk/3`.
    public func reference(_ item: PlanItem) -> String { "\(id)/\(item.number)" }

    /// The day an item is due: its latest stated deadline, or the end of the plan's year
    /// (a yearly plan's items are all due within the year).
    public func due(_ item: PlanItem) -> CalendarDate {
        item.deadlines.map(\.date).max() ?? CalendarDate(year: year, month: 12, day: 31)!
    }

    /// Past its deadline and not 已完成 on a day. Derived, never stored.
    public func isOverdue(_ item: PlanItem, asOf day: CalendarDate) -> Bool {
        item.status(asOf: day) != .done && due(item) < day
    }
}

public enum PlanLevel: String, Sendable, CaseIterable, Comparable {
    case province = "省"
    case city = "市"
    case county = "县区"

    public init?(name: String) {
        switch name {
        case "省", "省级", "province": self = .province
        case "市", "市级", "市州", "city": self = .city
        case "县", "区", "县区", "县级", "county": self = .county
        default: return nil
        }
    }

    /// Higher levels sort first.
    public static func < (lhs: PlanLevel, rhs: PlanLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: "、") }
}

/// A plan's 类别 as its text names it: 政务公开, 政务管理服务, or any other topic (法治政府建设,
/// 优化营商环境…), stored as written. The two well-known ones are recognised under their other
/// spellings (政务服务管理 is 政务管理服务) and have short ids for plan ids.
extension Plan {
    /// The title as lists show it: the 类别 added in brackets when the title does not name it.
    public var displayTitle: String { kind.isNamed(in: title) ? title : "\(title)（\(kind.rawValue)）" }
}

public struct PlanKind: Sendable, Hashable, CustomStringConvertible {
    /// The category as written in the plan file: 政务公开, 法治政府建设…
    public let rawValue: String

    public static let disclosure = PlanKind(rawValue: "政务公开")
    public static let service = PlanKind(rawValue: "政务管理服务")
    /// The categories every portal has, recognised by name.
    public static let wellKnown: [PlanKind] = [.disclosure, .service]

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Any non-empty name; the well-known categories' other spellings become their own name.
    public init?(name: String) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "": return nil
        case "政务公开", "disclosure": self = .disclosure
        case "政务管理服务", "政务服务管理", "service": self = .service
        default:
            guard name.count <= 30, !name.contains(where: \.isNewline) else { return nil }
            self.rawValue = name
        }
    }

    /// Plans of the same family are aligned with each other (上下对标): 政务服务 with 政务管理服务,
    /// every other category with itself only.
    public var family: String {
        self == .service || rawValue == "政务服务" ? PlanKind.service.rawValue : rawValue
    }

    /// Short id used in plan ids: zwgk, zwfw; other categories have none (the caller derives one).
    public var slug: String? {
        switch family {
        case PlanKind.disclosure.rawValue: "zwgk"
        case PlanKind.service.rawValue: "zwfw"
        default: nil
        }
    }

    public var description: String { rawValue }

    /// Whether a plan's title already says its category (湖南省2023年政务公开工作要点), so that
    /// lists need not repeat it.
    public func isNamed(in title: String) -> Bool {
        title.contains(rawValue) || (self == .service && title.contains("政务服务管理"))
    }

    /// What the plan reader says a 类别 may be.
    public static var allowedDescription: String {
        wellKnown.map(\.rawValue).joined(separator: "、") + "，或其他主题的名称（不超过 30 个字，如 法治政府建设）"
    }
}

public struct PlanSection: Sendable, Hashable {
    /// 一, 二… as an integer.
    public var number: Int
    /// As written: 一
    public var numberText: String
    public var title: String
    public var items: [PlanItem]

    public init(number: Int, numberText: String, title: String, items: [PlanItem]) {
        self.number = number
        self.numberText = numberText
        self.title = title
        self.items = items
    }
}

public struct PlanItem: Sendable, Hashable {
    /// (一) is 1; numbers run on across sections.
    public var number: Int
    /// As written: （一）
    public var numberText: String
    /// The heading sentence, when the item has one.
    public var title: String?
    /// The text after the heading, without the unit parenthesis.
    public var body: String
    /// The unit parenthesis as written, without its brackets.
    public var assignment: String?
    /// 牵头单位
    public var leads: [String]
    /// 按职责分工负责的单位
    public var partners: [String]
    /// 责任单位 stated here for this and every later item ("以下不再列出").
    public var responsible: [String]
    public var deadlines: [Deadline]
    /// Quantitative targets as written: 用户数突破3000万.
    public var targets: [String]
    /// References of higher-level items this one carries out (`plan-id/number`); nil when
    /// nobody has said, empty when an editor has said "none".
    public var implements: [String]?
    public var progress: [ProgressEntry]
    /// Line of the item in its plan file.
    public var line: Int

    public init(
        number: Int, numberText: String, title: String?, body: String, assignment: String?,
        leads: [String], partners: [String], responsible: [String], deadlines: [Deadline],
        targets: [String], implements: [String]?, progress: [ProgressEntry], line: Int = 0
    ) {
        self.number = number
        self.numberText = numberText
        self.title = title
        self.body = body
        self.assignment = assignment
        self.leads = leads
        self.partners = partners
        self.responsible = responsible
        self.deadlines = deadlines
        self.targets = targets
        self.implements = implements
        self.progress = progress
        self.line = line
    }

    /// The heading, or for items without one the first clause of the body.
    public var label: String {
        if let title { return title }
        let end = body.firstIndex { "，,。；;".contains($0) } ?? body.endIndex
        return String(body[..<end])
    }

    /// The whole text as it reads in the notice (heading, body), without the units.
    public var text: String {
        guard let title else { return body }
        return body.isEmpty ? "\(title)。" : "\(title)。\(body)"
    }

    /// The progress entries recorded by a day, newest first.
    public func progress(asOf day: CalendarDate) -> [ProgressEntry] {
        progress.filter { $0.date <= day }.sorted { ($0.date, $0.index) > ($1.date, $1.index) }
    }

    /// The status on a day: that of the latest entry dated on or before it. Derived like
    /// overdue, so a build on a fixed `--as-of` day shows the ledger as it was then.
    public func status(asOf day: CalendarDate) -> ProgressStatus {
        progress(asOf: day).first?.status ?? .notStarted
    }
}

/// A deadline as written (6月底前) and the day it means in the plan's year.
public struct Deadline: Sendable, Hashable {
    public var text: String
    public var date: CalendarDate

    public init(text: String, date: CalendarDate) {
        self.text = text
        self.date = date
    }
}

/// One dated entry of the task ledger (工作台账).
public struct ProgressEntry: Sendable, Hashable {
    public var date: CalendarDate
    public var status: ProgressStatus
    public var note: String
    /// A link to evidence: a document id or a URL.
    public var evidence: String?
    /// Position among the item's entries, to order entries of the same day.
    public var index: Int
    /// Line of `佐证` in the plan file, for messages about it.
    public var evidenceLine: Int?

    public init(date: CalendarDate, status: ProgressStatus, note: String, evidence: String?, index: Int = 0, evidenceLine: Int? = nil) {
        self.date = date
        self.status = status
        self.note = note
        self.evidence = evidence
        self.index = index
        self.evidenceLine = evidenceLine
    }
}

public enum ProgressStatus: String, Sendable, CaseIterable {
    case notStarted = "未启动"
    case inProgress = "推进中"
    case done = "已完成"

    public init?(name: String) {
        switch name {
        case "未启动", "未开始", "not_started": self = .notStarted
        case "推进中", "进行中", "in_progress": self = .inProgress
        case "已完成", "完成", "done": self = .done
        default: return nil
        }
    }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: "、") }
}
