import ArgumentParser
import Foundation
import GuanaiCore
import GuanaiWeb

struct DivisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions", abstract: "The bundled 2021 list of Hubei's divisions", subcommands: [Load.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the units of a county, a city-level unit or the province that the database lacks",
            discussion: "Units already stored are left as they are, even when an administrator renamed, merged or retired them; "
                + "a second run adds nothing.")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        @ArgumentParser.Argument(help: "421081 or 421081000000 (a county), 4210 or 421000000000 (a city), 42 or 420000000000 (Hubei)")
        var code: String

        func validate() throws {
            do { _ = try DivisionCatalog.records(code) } catch let e as DivisionCatalogError { throw ValidationError(e.description) }
        }

        func run() async throws {
            let outcome = try await withApp(db) { app in try await DivisionLoader.load(app, code: code) }
            let plan = outcome.plan
            let skipped = plan.skipped > 0
            print("\(plan.root.officialName) \(plan.root.code) (\(DivisionCatalog.editionNote))")
            print(row("level", "inserted", "already there", skipped ? "not added: under a retired unit" : nil))
            for level in DivisionLevel.allCases {
                let t = plan.tally[level] ?? DivisionLoadPlan.Tally()
                print(row(level.token, "\(t.inserted)", "\(t.present)", skipped ? "\(t.skipped)" : nil))
            }
            print(String(format: "inserted %d units, %d already there, in %.2f s", plan.inserted, plan.present, outcome.seconds))
        }

        func row(_ level: String, _ inserted: String, _ present: String, _ skipped: String?) -> String {
            func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
            return level.padding(toLength: 9, withPad: " ", startingAt: 0) + pad(inserted, 9) + pad(present, 15)
                + (skipped.map { pad($0, 33) } ?? "")
        }
    }
}
