/// 公开方式: only 主动公开 documents are ever published.
public enum Disclosure: String, Sendable, CaseIterable {
    case proactive = "主动公开"
    case onRequest = "依申请公开"
    case withheld = "不予公开"

    public init?(name: String) {
        switch name {
        case "主动公开": self = .proactive
        case "依申请公开": self = .onRequest
        case "不予公开": self = .withheld
        default: return nil
        }
    }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: "、") }
}
