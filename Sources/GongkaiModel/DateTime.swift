/// A publication moment as government pages show it: a day, and the minute when one is known.
/// Times are Beijing time (UTC+8); there is no other zone in this domain.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CalendarDate
    /// Minutes after midnight, when the source gives a time.
    public let minuteOfDay: Int?

    public init(date: CalendarDate, minuteOfDay: Int? = nil) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
        (lhs.date, lhs.minuteOfDay ?? 0) < (rhs.date, rhs.minuteOfDay ?? 0)
    }

    /// `2023-03-23 14:07` (the `PubDate` meta format); midnight when no time is known.
    public var minutePrecision: String {
        let minutes = minuteOfDay ?? 0
        return "\(date.iso) \(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2))"
    }

    /// RFC 3339 with the +08:00 offset, for Atom feeds.
    public var rfc3339: String {
        let minutes = minuteOfDay ?? 0
        return "\(date.iso)T\(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2)):00+08:00"
    }

    public var description: String { minuteOfDay == nil ? date.iso : minutePrecision }
}
