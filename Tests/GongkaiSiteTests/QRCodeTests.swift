import Foundation
import Testing

@testable import GongkaiSite

@Suite struct QRCodeTests {
    @Test func encodesTheURLWithQuietZoneAndFinderPatterns() throws {
        let code = try #require(QRCode("https://demo.gongkai.example/xxgk/gkzn/guide-2023.html"))
        #expect(code.size >= 21 && (code.size - 17) % 4 == 0, "a QR symbol is 17 + 4·version modules wide")
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(
                code.isDark(x: x, y: y) && code.isDark(x: x + 6, y: y + 6) && !code.isDark(x: x + 1, y: y + 1),
                "finder pattern at \(x),\(y)")
        }
        let svg = code.svg(label: "本页网址的二维码")
        #expect(svg.contains("viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\""))
        #expect(svg.contains("role=\"img\" aria-label=\"本页网址的二维码\""))
    }

    /// Renders the SVG with librsvg and reads it back with zbar, the way a phone would.
    @Test func decodesBackToTheURLWithRealTools() throws {
        let url = "https://demo.gongkai.example/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html"
        let svg = try #require(QRCode(url)).svg(label: "二维码", pixelsPerModule: 8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let svgFile = directory.appendingPathComponent("code.svg")
        let pngFile = directory.appendingPathComponent("code.png")
        try Data(svg.utf8).write(to: svgFile)
        try #require(run("/usr/bin/rsvg-convert", ["-o", pngFile.path, svgFile.path]).status == 0, "rsvg-convert (librsvg2-bin) is needed")
        let decoded = try run("/usr/bin/zbarimg", ["-q", "--raw", pngFile.path])
        #expect(decoded.status == 0, "zbarimg (zbar-tools) could not read the code")
        #expect(decoded.output.trimmingCharacters(in: .whitespacesAndNewlines) == url)
    }

    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
