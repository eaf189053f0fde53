// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Debian's cmark-gfm (Markdown). The extensions package holds the core-extensions
        // header and the .so that libcmark-gfm.pc links.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libqrencode, for the QR code of each document page.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Debian's ICU, for the dictionary-based Chinese word breaker of the search index.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Debian's libxml2, whose HTML parser reads saved web pages for the importer.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Linux system calls that Swift's Glibc module does not expose (renameat2).
        .target(name: "CLinux"),
        .target(name: "GongkaiModel"),
        .target(
            name: "GongkaiContent",
            dependencies: ["GongkaiModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "GongkaiMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "GongkaiPlans", dependencies: ["GongkaiModel"]),
        // Word, web pages, PDF and text → neutral blocks → plans and policy documents.
        .target(
            name: "GongkaiIntake",
            dependencies: [
                "GongkaiModel", "GongkaiContent", "CICU", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "gongkai-intake-fuzz",
            dependencies: ["GongkaiIntake", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "GongkaiChecks", dependencies: ["GongkaiModel"]),
        .target(name: "GongkaiSearch", dependencies: ["GongkaiModel", "CICU"]),
        .target(
            name: "GongkaiSite",
            dependencies: [
                "GongkaiModel", "GongkaiContent", "GongkaiMarkdown", "GongkaiPlans", "GongkaiChecks", "GongkaiSearch", "CLinux", "CQRencode",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "GongkaiServe",
            dependencies: [
                "GongkaiSite", "GongkaiContent", "GongkaiModel",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiSite", "GongkaiContent", "GongkaiModel", "GongkaiPlans", "GongkaiIntake", "GongkaiChecks", "GongkaiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GongkaiModelTests", dependencies: ["GongkaiModel"]),
        .testTarget(name: "GongkaiContentTests", dependencies: ["GongkaiContent"]),
        .testTarget(name: "GongkaiMarkdownTests", dependencies: ["GongkaiMarkdown", "GongkaiModel"]),
        .testTarget(name: "GongkaiPlansTests", dependencies: ["GongkaiPlans", "GongkaiIntake", "GongkaiModel"]),
        .testTarget(
            name: "GongkaiIntakeTests",
            dependencies: ["GongkaiIntake", "GongkaiModel", "GongkaiContent", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "GongkaiChecksTests", dependencies: ["GongkaiChecks", "GongkaiModel"]),
        .testTarget(name: "GongkaiSearchTests", dependencies: ["GongkaiSearch", "GongkaiModel"]),
        .testTarget(
            name: "GongkaiSiteTests",
            dependencies: ["GongkaiSite", "GongkaiContent", "gongkai"],
            resources: []
        ),
        .testTarget(name: "GongkaiServeTests", dependencies: ["GongkaiServe", "GongkaiSite", "GongkaiModel"]),
    ]
)
