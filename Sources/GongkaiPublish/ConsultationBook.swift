import GongkaiModel

/// The 意见征集 that reach the output on the build day, with their status, in listing order
/// (open ones first, ending soonest; then upcoming, starting soonest; then ended, the most
/// recent first), and the documents they name, both ways.
public struct ConsultationBook: Sendable {
    public let asOf: CalendarDate
    /// Published consultations in listing order.
    public let consultations: [Consultation]
    /// Withheld ones (发布日期 after the build day).
    public let withheld: [Consultation]
    private let byFeedback: [String: [Consultation]]
    private let byDraft: [String: [Consultation]]
    private let byID: [String: Consultation]

    public init(consultations all: [Consultation], asOf: CalendarDate) {
        self.asOf = asOf
        let shown = all.filter { $0.published.map { $0 <= asOf } ?? true }
        withheld = all.filter { !($0.published.map { $0 <= asOf } ?? true) }
        consultations = shown.sorted { lhs, rhs in
            let (left, right) = (lhs.status(asOf: asOf), rhs.status(asOf: asOf))
            if left != right { return left.rank < right.rank }
            switch left {
            case .open: if lhs.end != rhs.end { return lhs.end < rhs.end }
            case .upcoming: if lhs.start != rhs.start { return lhs.start < rhs.start }
            case .ended: if lhs.end != rhs.end { return lhs.end > rhs.end }
            }
            return lhs.id < rhs.id
        }
        var byFeedback: [String: [Consultation]] = [:]
        var byDraft: [String: [Consultation]] = [:]
        for consultation in consultations {
            if let id = consultation.feedback { byFeedback[id, default: []].append(consultation) }
            if let id = consultation.draft { byDraft[id, default: []].append(consultation) }
        }
        self.byFeedback = byFeedback
        self.byDraft = byDraft
        byID = Dictionary(consultations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func status(_ consultation: Consultation) -> ConsultationStatus { consultation.status(asOf: asOf) }

    /// Open consultations, for the home page's notice.
    public var open: [Consultation] { consultations.filter { status($0) == .open } }

    /// A published consultation by its id.
    public func consultation(id: String) -> Consultation? { byID[id] }

    /// The consultations whose 反馈 is the document.
    public func consultations(withFeedback id: String) -> [Consultation] { byFeedback[id] ?? [] }

    /// The consultations whose 征求意见稿 is the document.
    public func consultations(withDraft id: String) -> [Consultation] { byDraft[id] ?? [] }
}
