/// 有效性 of a policy document.
public enum Validity: String, Sendable, CaseIterable {
    case current = "现行有效"
    case amended = "已修改"
    case repealed = "已废止"
    case expired = "失效"

    public init?(name: String) {
        switch name {
        case "现行有效", "有效": self = .current
        case "已修改", "已修订": self = .amended
        case "已废止", "废止": self = .repealed
        case "失效", "已失效": self = .expired
        default: return nil
        }
    }

    public var isCurrent: Bool { self == .current }

    /// 已废止 or 失效: no longer in force at all (已修改 ones stay in force as amended).
    public var hasEnded: Bool { self == .repealed || self == .expired }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: "、") }
}
