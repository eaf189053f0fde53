/// Decides what reaches the portal: only 主动公开 documents whose 发布日期 has come.
public struct PublicationRule: Sendable {
    /// The day the build happens (Beijing time), or the day fixed by `--as-of`.
    public let asOf: CalendarDate

    public init(asOf: CalendarDate) {
        self.asOf = asOf
    }

    public func isPublished(_ document: Document) -> Bool {
        document.disclosure == .proactive && document.published.date <= asOf
    }

    /// Why a document is held back, for the build summary; nil when it is published.
    public func reasonWithheld(_ document: Document) -> String? {
        if document.disclosure != .proactive {
            return "公开方式为“\(document.disclosure.rawValue)”，只发布主动公开的文件"
        }
        if document.published.date > asOf {
            return "发布日期 \(document.published.date.iso) 尚未到来"
        }
        return nil
    }
}
