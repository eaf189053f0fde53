// Fuzz driver for GongkaiIntake: mutates inputs of every format and runs them through the
// readers and both importers, checking that nothing crashes and no input takes over 2 s.
//
//   swift build -c release --product gongkai-intake-fuzz
//   .build/release/gongkai-intake-fuzz --count 100000 --seed 1 Tests/Fixtures/intake Tests/Fixtures/seeds
//
// Text, web pages and Word files are mutated at the level of their text (characters that
// matter to the importer are inserted, removed, repeated), Word files also as bytes of the
// archive and as XML inside it; PDFs through the text poppler would give (PDFReader.blocks),
// plus a share of real PDFs printed to bytes and mutated (each one runs pdftotext). The input
// being run is written to /tmp/gongkai-fuzz-current-<seed> first, so a crash leaves it behind.
// GONGKAI_FUZZ_BOXES names pdftotext -bbox-layout output of a PDF table: half the PDF-text
// inputs are those word boxes mutated, through the table rebuilder (PDFLayout).
// Each input's cost is its thread's CPU time (the 2 s limit); wall time is reported beside it.
import Foundation
import GongkaiIntake
import ZIPFoundation

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
    arguments.removeSubrange(index...index + 1)
    return value
}
let count = option("--count", 100_000)
let seed = option("--seed", 1)
let pdfEvery = option("--pdf-every", 500)
var random = SplitMix64(state: UInt64(seed))

var texts: [String] = []
for directory in arguments {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".txt") {
        if let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) { texts.append(text) }
    }
}
guard !texts.isEmpty else {
    FileHandle.standardError.write(Data("用法：gongkai-intake-fuzz [--count N] [--seed S] 目录…（目录中的 .txt 文件作为种子）\n".utf8))
    exit(2)
}

let tokens = [
    "一、", "（一）", "(一)", "1.", "1、", "（1）", "(", ")", "（", "）", "、", "，", "。", "：", ":", "\n", " ", "\u{3000}",
    "牵头单位：", "配合单位：", "责任单位：", "完成时限：", "牵头", "按职责分工负责", "均为责任单位，以下不再列出", "等",
    "〔2023〕", "号", "2023年3月6日", "二〇二三年三月六日", "2022519", "当前位置：", "发布时间：2023-03-23 14:07", "附件",
    "工作任务工作要求牵头单位配合/责任单位完成时限", "序号", "局", "区", "各", "\u{0C}", "- 1 -", "\u{FEFF}", "\u{0}",
    "《", "》", "“", "”", "【", "】", "[", "]", "-->", "<table>", "<tr>", "<td rowspan=\"3\">", "</td>", "<p>", "</p>",
    String(repeating: "（", count: 50), String(repeating: "一", count: 40), String(repeating: "1.", count: 30),
]

@MainActor func mutateText(_ text: String) -> String {
    var characters = Array(text)
    let steps = Int.random(in: 1...8, using: &random)
    for _ in 0..<steps {
        let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0, 1: characters.insert(contentsOf: tokens.randomElement(using: &random)!, at: position)
        case 2: if !characters.isEmpty { characters.removeSubrange(position..<min(characters.count, position + Int.random(in: 1...40, using: &random))) }
        case 3:
            let end = min(characters.count, position + Int.random(in: 1...200, using: &random))
            characters.insert(contentsOf: characters[position..<end], at: position)
        case 4: if !characters.isEmpty { characters[position] = Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &random))) }
        case 5: characters = Array(String(characters).replacingOccurrences(of: "\n", with: Bool.random(using: &random) ? " " : ""))
        default: if !characters.isEmpty { characters.removeSubrange(position...) }
        }
    }
    return String(characters)
}

@MainActor func mutateBytes(_ data: Data) -> Data {
    var bytes = [UInt8](data)
    for _ in 0..<Int.random(in: 1...16, using: &random) where !bytes.isEmpty {
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &random)))
        default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
    }
    return Data(bytes)
}

func html(_ text: String) -> String {
    "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div class=\"nav\">首页 政务公开</div><div class=\"article\">"
        + text.split(separator: "\n").map { "<p>\($0)</p>" }.joined() + "</div><div class=\"footer\">版权</div></body></html>"
}

func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}

/// Images, an embedded object and a hyperlink, each by relationship id (some ids missing or
/// external), for the Word reader's image and attachment paths.
let pictures = [
    "<w:p><w:r><w:drawing><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed=\"rId1\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></w:drawing></w:r></w:p>",
    "<w:p><w:r><w:pict><v:shape><v:imagedata r:id=\"rId2\"/></v:shape></w:pict></w:r></w:p>",
    "<w:p><w:r><w:object><o:OLEObject r:id=\"rId3\"/></w:object></w:r></w:p>",
    "<w:p><w:hyperlink r:id=\"rId4\"><w:r><w:t>附件1</w:t></w:r></w:hyperlink></w:p>",
    "<w:p><w:r><w:drawing><a:blip r:embed=\"rId9\"/></w:drawing></w:r></w:p>",
]
let relationships =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"media/image1.png\"/><Relationship Id=\"rId2\" Target=\"../word/media/image2.gif\"/><Relationship Id=\"rId3\" Target=\"embeddings/Sheet.xlsx\"/><Relationship Id=\"rId4\" Target=\"附件1.pdf\" TargetMode=\"External\"/><Relationship Id=\"rId9\" Target=\"file:///C:/a.png\" TargetMode=\"External\"/></Relationships>"

func docx(_ text: String, numbering: Bool) -> Data {
    let paragraphs = text.split(separator: "\n").enumerated().map { index, line -> String in
        let list = numbering && line.hasPrefix("（") ? "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" : ""
        return "<w:p>\(list)<w:r><w:t>\(escape(String(line)))</w:t></w:r></w:p>" + (index % 7 == 3 ? pictures[index % pictures.count] : "")
    }
    let table =
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>工作任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>推进公开</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>区政务局</w:t></w:r></w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>区财政局</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>区司法局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    let document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"r\" xmlns:a=\"a\" xmlns:pic=\"pic\" xmlns:v=\"v\" xmlns:o=\"o\"><w:body>"
        + paragraphs.joined() + table + "</w:body></w:document>"
    let numberingXML =
        "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%1）\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    guard let archive = try? Archive(data: Data(), accessMode: .create) else { return Data() }
    let parts: [(String, Data)] = [
        ("word/document.xml", Data(document.utf8)), ("word/numbering.xml", Data(numberingXML.utf8)), ("word/_rels/document.xml.rels", Data(relationships.utf8)),
        ("word/media/image1.png", Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])), ("word/media/image2.gif", Data("GIF89a".utf8)), ("word/embeddings/Sheet.xlsx", Data("PK".utf8)),
    ]
    for (path, bytes) in parts {
        try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data ?? Data()
}

let current = URL(fileURLWithPath: "/tmp/gongkai-fuzz-current-\(seed)")
let emptyFolder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fuzz-empty-\(seed)")
try? FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)

/// Word boxes of a real PDF (GONGKAI_FUZZ_BOXES: `pdftotext -bbox-layout` output of a table).
let boxesSample = ProcessInfo.processInfo.environment["GONGKAI_FUZZ_BOXES"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }

/// Word boxes mutated: coordinates moved or swapped, word texts replaced, the XML itself mutated.
@MainActor func mutateBoxes(_ xhtml: String) -> String {
    var text = xhtml
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
        // Move coordinates: each number scaled or replaced.
        var output = ""
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /"(\d+\.\d+)"/) {
            output += rest[..<match.range.lowerBound]
            let value = Double(match.1) ?? 0
            let moved = Int.random(in: 0..<8, using: &random) == 0 ? Double.random(in: -50...900, using: &random) : value * Double.random(in: 0.97...1.03, using: &random)
            output += "\"\(String(format: "%.6f", moved))\""
            rest = rest[match.range.upperBound...]
        }
        text = output + rest
    case 1:
        // Replace word texts with tokens the importer cares about.
        var output = ""
        var rest = Substring(text)
        while let match = rest.firstMatch(of: />([^<]*)<\/word>/) {
            output += rest[..<match.range.lowerBound]
            output += ">" + (Int.random(in: 0..<4, using: &random) == 0 ? escape(tokens.randomElement(using: &random)!) : String(match.1)) + "</word>"
            rest = rest[match.range.upperBound...]
        }
        text = output + rest
    case 2:
        // Lines duplicated or dropped: rows and pages that repeat or lose words.
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...20, using: &random) where !lines.isEmpty {
            let index = Int.random(in: 0..<lines.count, using: &random)
            if Bool.random(using: &random) { lines.insert(lines[index], at: index) } else { lines.remove(at: index) }
        }
        text = lines.joined(separator: "\n")
    default:
        text = mutateText(text)
    }
    return text
}
var slowest = 0.0
var slowestWall = 0.0

/// CPU time of this thread: what an input costs, whatever else the machine is doing (the
/// machine these runs share is loaded, so wall time says more about the neighbours).
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
var perFormat: [String: Int] = [:]
var timePerFormat: [String: Double] = [:]
var failures: [String: Int] = [:]
var pdfSample: Data?
let started = Date()
for iteration in 0..<count {
    var base = texts.randomElement(using: &random)!
    // Large seeds are cut to a window of whole lines, except one input in 2,000, so that
    // the run stays short and still meets whole notices.
    if base.count > 1500, iteration % 2000 != 0 {
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false)
        let start = Int.random(in: 0..<lines.count, using: &random)
        var window: [Substring] = []
        var size = 0
        let limit = Int.random(in: 400...1500, using: &random)
        for line in lines[start...] where size < limit {
            window.append(line)
            size += line.count
        }
        base = window.joined(separator: "\n")
    }
    let mutated = mutateText(base)
    var input: Data
    var ext: String
    switch iteration % 10 {
    case 0, 1, 2, 3: (input, ext) = (Data(mutated.utf8), "txt")
    case 4: (input, ext) = (Bool.random(using: &random) ? mutateBytes(Data(mutated.utf8)) : TextDecodingSample.gbk(mutated), "txt")
    case 5, 6: (input, ext) = (Data((Bool.random(using: &random) ? html(mutated) : mutateText(html(base))).utf8), "html")
    case 7: (input, ext) = (docx(mutated, numbering: true), "docx")
    case 8: (input, ext) = (Bool.random(using: &random) ? mutateBytes(docx(base, numbering: false)) : docx(mutateText(mutated), numbering: false), "docx")
    default:
        // PDF text as pdftotext -layout gives it, or word boxes as -bbox-layout gives them
        // (a real table's boxes, mutated: texts, numbers, structure).
        if let boxes = boxesSample, Bool.random(using: &random) {
            (input, ext) = (Data(mutateBoxes(boxes).utf8), "pdf-boxes")
        } else {
            (input, ext) = (Data(mutated.utf8), "pdf-text")
        }
    }
    if ext != "pdf-text", iteration % pdfEvery == 0 {
        // A real PDF, its bytes mutated: through pdftotext.
        if pdfSample == nil, let path = ProcessInfo.processInfo.environment["GONGKAI_FUZZ_PDF"] { pdfSample = try? Data(contentsOf: URL(fileURLWithPath: path)) }
        if let pdfSample { (input, ext) = (mutateBytes(pdfSample), "pdf") }
    }
    try? input.write(to: current)
    let start = Date()
    let cpuStart = threadCPUTime()
    let reading: Result<BlockDocument, Error>
    if ext == "pdf-text" {
        reading = Result { try PDFReaderSample.blocks(String(decoding: input, as: UTF8.self)) }
    } else if ext == "pdf-boxes" {
        reading = Result { try PDFBoxesSample.blocks(String(decoding: input, as: UTF8.self)) }
    } else {
        reading = SourceReader.read(input, extension: ext, display: "fuzz.\(ext)").mapError { $0 as Error }
    }
    switch reading {
    case .success(let document):
        _ = PlanImporter(idPrefix: "f").run(document)
        _ = AttachmentSample.find(DocumentImporter.read(document), beside: emptyFolder)
    case .failure:
        failures[ext, default: 0] += 1
    }
    let wall = Date().timeIntervalSince(start)
    let elapsed = threadCPUTime() - cpuStart
    if wall > slowestWall { slowestWall = wall }
    perFormat[ext, default: 0] += 1
    timePerFormat[ext, default: 0] += elapsed
    if elapsed > slowest { slowest = elapsed }
    if elapsed > 2 {
        let keep = URL(fileURLWithPath: "/tmp/gongkai-fuzz-slow-\(iteration).\(ext)")
        try? input.write(to: keep)
        print("超过 2 秒：第 \(iteration) 个输入（\(ext)）用了 \(String(format: "%.2f", elapsed)) 秒 CPU 时间，已保存到 \(keep.path)")
        exit(1)
    }
    if (iteration + 1) % 2_500 == 0 {
        print("已运行 \(iteration + 1) 个输入，最慢 \(String(format: "%.3f", slowest)) 秒 CPU 时间（墙钟最慢 \(String(format: "%.3f", slowestWall)) 秒），用时 \(Int(Date().timeIntervalSince(started))) 秒")
    }
}
try? FileManager.default.removeItem(at: current)
print(
    "完成：\(count) 个变异输入（\(perFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))），无崩溃（各格式平均 \(timePerFormat.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", $0.value * 1000 / Double(perFormat[$0.key]!))) 毫秒" }.joined(separator: "，"))）；最慢 \(String(format: "%.3f", slowest)) 秒 CPU 时间（墙钟最慢 \(String(format: "%.3f", slowestWall)) 秒）；被拒绝（清楚的错误）\(failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))。"
)
