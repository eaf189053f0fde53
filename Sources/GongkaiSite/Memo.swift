import Synchronization

/// Values that many pages of one build share (the chrome of each part of the site, what a
/// column holds), made once on first use. A memo belongs to one `PageFactory`, which is made
/// for one build from its published site, or to one registry (its kinds' view schemas), so a
/// value never outlives what it was made from.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    /// The value for `key`, made by `make` the first time. Two threads may both make it at
    /// first; they make the same value, and one is kept.
    func value(_ key: Key, make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}
