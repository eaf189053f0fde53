import Foundation
import GongkaiContent
import GongkaiIntake
import GongkaiModel
import GongkaiOutput
import GongkaiSite

// A seeded mutation fuzzer over the readers of hostile input: front matter (documents and
// 常见问题), plans, site.yml, catalogues, annual reports, the plan importer and the build cache.
//
//   gongkai-fuzz --count 1000000 [--seed 1] [--jobs 2] [--timeout 2] [--memory 2048]
//
// Input i is made from the seed and i alone (SplitMix64), so any input can be made again:
// `--replay i` runs just that one. The supervisor runs workers over ranges of indices; a
// worker records the index it is on in a shared page, so when it dies (a trap, a signal, the
// memory limit, the time limit in CPU seconds) the supervisor knows which input did it, saves the input to
// bench/out/fuzz/, and starts a new worker after it. At the end it prints the number of
// inputs, crashes (and hangs), and the slowest input's time.
#if canImport(Glibc)
    import Glibc
#endif

// MARK: Targets

/// The plan importer through one thin function, so it can be repointed when the importer moves.
func importPlan(_ data: Data) -> Int {
    PlanImporter(idPrefix: "fuzz").run(String(decoding: data, as: UTF8.self)).plans.count
}

struct Target {
    let name: String
    let seeds: [Data]
    let run: (Data) -> Void
    /// Recompute the cache checksum after mutating, so the parser behind it is reached too.
    var fixChecksum = false
}

func files(_ directory: String, suffixes: [String], limit: Int = 4096) -> [Data] {
    let root = URL(fileURLWithPath: directory)
    return (FileTree.files(under: root.path) ?? []).filter { path in suffixes.contains { path.hasSuffix($0) } }
        .compactMap { FileManager.default.contents(atPath: root.appendingPathComponent($0).path) }
        .map { $0.count > limit ? $0.prefix(limit) : $0 }
}

func cacheSeed() -> Data {
    var body = "gongkai-cache 2\nfolder\t2049:1234\n"
    body += "P\tindex.html\t1f\t2e\t120\t1700000000000000000\nL\t../zcjd/a.md\n"
    body += "W\twarning\tcontent/zcwj/a.md\t3\tbroken-link\t链接\\t无法打开\n"
    body += "P\tzcwj/a.html\tab\tcd\t33\t1700000000000000001\n"
    return Data((body + "sum\t\(String(StableHasher.hash(body), radix: 16))\n").utf8)
}

func withChecksum(_ data: Data) -> Data {
    var body = String(decoding: data, as: UTF8.self)
    if let range = body.range(of: "\nsum\t", options: .backwards) { body = String(body[..<range.lowerBound]) + "\n" }
    if !body.hasSuffix("\n") { body += "\n" }
    return Data((body + "sum\t\(String(StableHasher.hash(body), radix: 16))\n").utf8)
}

func targets(repository: String) -> [Target] {
    let content = repository + "/content"
    var documentSeeds = files(content + "/xxgk", suffixes: [".md"])
    documentSeeds.append(Data("---\n标题: 测试\n发布日期: 2023-06-01\n附件:\n  - {标题: 附件, 文件: a.pdf}\n解读对象: 测政发〔2023〕1号\n---\n正文 | a | b |\n|---|---|\n".utf8))
    let planSeeds = files(content + "/plans", suffixes: [".yml"], limit: 3072)
    let importSeeds = files(repository + "/Tests/Fixtures/seeds", suffixes: [".txt"], limit: 3072)
    return [
        Target(name: "front matter (document)", seeds: documentSeeds, run: { _ = ContentReaders.document($0) }),
        Target(name: "plan", seeds: planSeeds, run: { _ = ContentReaders.plan($0) }),
        Target(name: "importer", seeds: importSeeds, run: { _ = importPlan($0) }),
        Target(name: "cache", seeds: [cacheSeed()], run: { _ = BuildCache.decode($0) }, fixChecksum: true),
        Target(name: "site.yml", seeds: files(content, suffixes: ["site.yml"]), run: { _ = ContentReaders.siteConfig($0) }),
        Target(name: "catalogue", seeds: files(content + "/catalogues", suffixes: [".yml", ".csv"]), run: { _ = ContentReaders.catalogue($0) }),
        Target(name: "FAQ", seeds: files(content + "/faq", suffixes: [".md"]), run: { _ = ContentReaders.faq($0) }),
        Target(name: "report", seeds: files(content + "/reports", suffixes: [".yml"]), run: { _ = ContentReaders.report($0) }),
    ]
}

// MARK: Inputs

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}

/// Tokens that matter to the readers: YAML syntax, dates, numbers, paths, Unicode tricks.
let tokens: [[UInt8]] = [
    "&a ", "*a", "&b [*a, *a, *a, *a]", "[", "]", "{", "}", ": ", "- ", "\n", "\n  ", "---\n", "'", "\"", "|\n", ">\n", "!!str ", "!!binary ",
    "? ", "#", "%YAML 1.1\n", "~", "null", "是", "否", "99999999999999999999", "-1", "0", "2023-13-45", "2023-02-29", "9999-12-31",
    "2023年2月30日", "14:99", "1e400", "nan", "inf", "../", "/etc/passwd", "\t", "\\", "\\t", "１３８１２３４５６７８", "\u{200B}", "\u{FEFF}",
    "javascript:alert(1)", "javascript://%0aalert(1)", "<script>", "&#49;", "〔2023〕", "第一条", "（一）", "一、", "牵头", "年底前",
    "P\t../x\t1\t2\t3\t4\n", "L\t", "W\t", "sum\t", "folder\t", "\u{0}", "\r\n", "\r", "标题: ", "发布日期: ", "附件: ", "行:\n  - ",
    "|---|---|\n", "进展:\n  - 日期: 2023-01-01\n    状态: 已完成\n    佐证: ",
].map { Array($0.utf8) }

let maximumInput = 65_536

func mutate(_ seed: [UInt8], other: [UInt8], random: inout SplitMix64) -> [UInt8] {
    var bytes = seed
    for _ in 0...random.below(6) {
        let position = random.below(bytes.count + 1)
        switch random.below(9) {
        case 0: if !bytes.isEmpty { bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.below(8)) }
        case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
        case 2:
            let length = random.below(min(64, bytes.count - min(position, bytes.count)) + 1)
            bytes.removeSubrange(position..<min(bytes.count, position + length))
        case 3, 4: bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
        case 5:
            // Duplicate a chunk, sometimes many times (deep nesting, long lines, many rows).
            let start = random.below(bytes.count + 1)
            let length = random.below(min(256, bytes.count - start) + 1)
            let chunk = Array(bytes[start..<start + length])
            let times = random.below(4) == 0 ? random.below(400) + 1 : 1
            for _ in 0..<times where bytes.count + chunk.count <= maximumInput { bytes.insert(contentsOf: chunk, at: min(position, bytes.count)) }
        case 6:
            // Splice a piece of another seed.
            let start = random.below(other.count + 1)
            let length = random.below(min(512, other.count - start) + 1)
            bytes.insert(contentsOf: other[start..<start + length], at: position)
        case 7:
            // Replace a digit run by a long one.
            if let digit = bytes.indices.dropFirst(position).first(where: { bytes[$0] >= 48 && bytes[$0] <= 57 }) {
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "9"), count: random.below(30) + 1), at: digit)
            }
        default:
            let token = tokens[random.below(tokens.count)]
            for _ in 0..<(random.below(200) + 1) where bytes.count + token.count <= maximumInput { bytes.insert(contentsOf: token, at: min(position, bytes.count)) }
        }
        if bytes.count > maximumInput { bytes.removeLast(bytes.count - maximumInput) }
    }
    return bytes
}

func input(_ index: Int, seed: UInt64, targets: [Target]) -> (target: Int, data: Data) {
    var random = SplitMix64(state: seed &* 0x1000_0000_01B3 ^ UInt64(index))
    _ = random.next()
    let target = index % targets.count
    let seeds = targets[target].seeds.isEmpty ? [Data()] : targets[target].seeds
    let base = [UInt8](seeds[random.below(seeds.count)])
    let other = [UInt8](seeds[random.below(seeds.count)])
    var data = Data(mutate(base, other: other, random: &random))
    if targets[target].fixChecksum, random.below(2) == 0 { data = withChecksum(data) }
    return (target, data)
}

// MARK: Worker

func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> UInt64 {
    var time = timespec()
    clock_gettime(clock, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// The page shared with the supervisor: [0] the index being run, [1] when it started (ns).
func sharedPage(_ path: String) -> UnsafeMutablePointer<UInt64> {
    let descriptor = open(path, O_RDWR | O_CREAT, 0o600)
    precondition(descriptor >= 0, "cannot open \(path)")
    ftruncate(descriptor, 4096)
    let memory = mmap(nil, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0)
    precondition(memory != MAP_FAILED, "cannot map \(path)")
    close(descriptor)
    return memory!.bindMemory(to: UInt64.self, capacity: 512)
}

func worker(from: Int, to: Int, seed: UInt64, page: String, timeout: Double, memoryMB: Int, repository: String) -> Never {
    var limit = rlimit(rlim_cur: rlim_t(memoryMB) << 20, rlim_max: rlim_t(memoryMB) << 20)
    setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    let shared = sharedPage(page)
    let all = targets(repository: repository)
    let timeoutNs = UInt64(timeout * 1e9)
    // Time is the CPU time of the thread that runs the inputs, so a busy machine does not
    // make a slow input look like a hang.
    var cpu = clockid_t()
    pthread_getcpuclockid(pthread_self(), &cpu)
    let inputClock = cpu
    // The watchdog: an input running longer than the limit ends the worker (a hang).
    Thread.detachNewThread {
        while true {
            usleep(50_000)
            let started = shared[1]
            if started != 0, now(inputClock) &- started > timeoutNs { _exit(86) }
        }
    }
    var slowest: UInt64 = 0
    var slowestIndex = from
    for index in from..<to {
        let (target, data) = input(index, seed: seed, targets: all)
        shared[0] = UInt64(index)
        let start = now(inputClock)
        shared[1] = start
        all[target].run(data)
        let elapsed = now(inputClock) - start
        shared[1] = 0
        if elapsed > slowest {
            slowest = elapsed
            slowestIndex = index
        }
    }
    print("done\t\(to - from)\t\(slowest)\t\(slowestIndex)")
    exit(0)
}

// MARK: Supervisor

func option(_ name: String, _ arguments: [String]) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

let arguments = CommandLine.arguments
let repository = option("--repository", arguments) ?? FileManager.default.currentDirectoryPath
let seed = UInt64(option("--seed", arguments) ?? "1") ?? 1
let timeout = Double(option("--timeout", arguments) ?? "2") ?? 2
let memoryMB = Int(option("--memory", arguments) ?? "2048") ?? 2048

if arguments.contains("--worker") {
    worker(
        from: Int(option("--from", arguments)!)!, to: Int(option("--to", arguments)!)!, seed: seed,
        page: option("--page", arguments)!, timeout: timeout, memoryMB: memoryMB, repository: repository)
}

let allTargets = targets(repository: repository)
if let replay = option("--replay", arguments).flatMap(Int.init) {
    let (target, data) = input(replay, seed: seed, targets: allTargets)
    FileHandle.standardOutput.write(data)
    FileHandle.standardError.write(Data("input \(replay): \(allTargets[target].name), \(data.count) bytes\n".utf8))
    let start = now(CLOCK_THREAD_CPUTIME_ID)
    allTargets[target].run(data)
    FileHandle.standardError.write(Data("ran in \(Double(now(CLOCK_THREAD_CPUTIME_ID) - start) / 1e6) ms of CPU time\n".utf8))
    exit(0)
}

let count = Int(option("--count", arguments) ?? "10000") ?? 10000
let jobs = max(1, Int(option("--jobs", arguments) ?? "1") ?? 1)
let outDirectory = repository + "/bench/out/fuzz"
try? FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
print("种子 \(seed)，\(count) 个输入，\(jobs) 个进程；每个输入限时 \(timeout) 秒（CPU 时间）、内存 \(memoryMB) MB；目标：\(allTargets.map(\.name).joined(separator: "、"))")

final class Tally: @unchecked Sendable {
    let lock = NSLock()
    var ran = 0, crashes: [(index: Int, status: String)] = [], slowest: UInt64 = 0, slowestIndex = 0
}
let tally = Tally()
let started = Date()

/// Runs [from, to) in workers until done, restarting after each crash.
func supervise(from: Int, to: Int, job: Int) {
    let page = outDirectory + "/.page-\(getpid())-\(job)"
    var next = from
    while next < to {
        let shared = sharedPage(page)
        shared[0] = UInt64(next)
        shared[1] = 0
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = [
            "--worker", "--from", "\(next)", "--to", "\(to)", "--seed", "\(seed)", "--page", page,
            "--timeout", "\(timeout)", "--memory", "\(memoryMB)", "--repository", repository,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try! process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = output.split(separator: "\n").last?.split(separator: "\t") ?? []
        if process.terminationStatus == 0, fields.first == "done", fields.count == 4 {
            tally.lock.lock()
            tally.ran += Int(fields[1]) ?? 0
            if let slow = UInt64(fields[2]), slow > tally.slowest {
                tally.slowest = slow
                tally.slowestIndex = Int(fields[3]) ?? 0
            }
            tally.lock.unlock()
            break
        }
        let failed = Int(shared[0])
        let status =
            process.terminationReason == .uncaughtSignal
            ? "信号 \(process.terminationStatus)"
            : process.terminationStatus == 86 ? "超时（>\(timeout) 秒）" : "退出码 \(process.terminationStatus)"
        let (target, data) = input(failed, seed: seed, targets: allTargets)
        try? data.write(to: URL(fileURLWithPath: "\(outDirectory)/crash-\(seed)-\(failed).bin"))
        tally.lock.lock()
        tally.ran += failed - next + 1
        tally.crashes.append((failed, "\(status)，\(allTargets[target].name)"))
        tally.lock.unlock()
        FileHandle.standardError.write(Data("输入 \(failed)（\(allTargets[target].name)）：\(status)，已保存到 bench/out/fuzz/crash-\(seed)-\(failed).bin\n".utf8))
        next = failed + 1
    }
    unlink(page)
}

let chunk = (count + jobs - 1) / jobs
DispatchQueue.concurrentPerform(iterations: jobs) { job in
    let from = job * chunk
    let to = min(count, from + chunk)
    if from < to { supervise(from: from, to: to, job: job) }
}
let seconds = Date().timeIntervalSince(started)
print(
    "完成：\(tally.ran) 个输入，崩溃或超时 \(tally.crashes.count) 个，最慢的输入 \(String(format: "%.1f", Double(tally.slowest) / 1e6)) 毫秒 CPU 时间（第 \(tally.slowestIndex) 个，可用 --replay \(tally.slowestIndex) 重现），用时 \(String(format: "%.0f", seconds)) 秒。"
)
for crash in tally.crashes.prefix(20) { print("  第 \(crash.index) 个：\(crash.status)") }
exit(tally.crashes.isEmpty ? 0 : 1)
