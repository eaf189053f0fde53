import GongkaiModel

/// Validity as of the build day, decided in one place so that the document page, the policy
/// library, search and feeds agree: a 现行有效 document whose 有效期至 has passed is 失效
/// (`validityLapsed`), and one whose 施行日期 is still to come is 尚未施行 (`notYetInForce`).
/// 有效期至 is the last day in force; 施行日期 the first.
public enum ValidityDerivation {
    public static func derive(_ document: Document, asOf: CalendarDate) -> Document {
        var derived = document
        let stated = document.validity ?? .current
        if stated == .current, let until = document.validUntil, until < asOf {
            derived.validity = .expired
            derived.validityLapsed = true
        }
        if !derived.validityLapsed, document.validity != .repealed, document.validity != .expired,
            let effective = document.effective, effective > asOf
        {
            derived.notYetInForce = true
        }
        return derived
    }
}
