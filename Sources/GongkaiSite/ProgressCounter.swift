import Foundation
import Synchronization

/// Counts pages made across threads and passes the count on at most ten times a second.
final class ProgressCounter: Sendable {
    private struct State {
        var done = 0
        var lastReport = Date.distantPast
    }

    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?
    private let state = Mutex(State())

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        let due: Int? = state.withLock { state in
            state.done += 1
            let now = Date()
            guard state.done == total || now.timeIntervalSince(state.lastReport) >= 0.1 else { return nil }
            state.lastReport = now
            return state.done
        }
        if let due { report(due, total) }
    }
}
