import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order. The transform must not share mutable state.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        if count < 2 { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UnsafeSendable(buffer.baseAddress!)
            self.withUnsafeBufferPointer { source in
                let input = UnsafeSendable(source.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (base.value + index).initialize(to: transform(input.value[index]))
                }
            }
            initialized = count
        }
    }
}

/// Carries a pointer into `concurrentPerform`, whose iterations write disjoint slots.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
