import Foundation
import GRDB

/// `DIR/gradebook.sqlite`, the gradebook's store of record: the master graded (its SHA-256 and
/// questions), every submission's row with its SHA-256 and the engine version it was graded
/// with, each question's score, every test's result and the teacher's manual scores. A regrade
/// reads it to run only the submissions (or the master) that changed; each row is written in
/// one transaction as its submission ends, so an interrupted `grade` loses nothing graded.
///
/// The schema, for a teacher's own queries (`sqlite3 gradebook.sqlite`):
/// - `master(title, lang, sha256)`: one row; `question(position, id, name, points)`;
/// - `submission(student, file, sha256, master_sha256, engine, status, total, maximum, seconds, notes)`
///   (`total` is the checks' points, before manual scores; `notes` a JSON array of strings);
/// - `score(student, position, question, name, maximum, points, manual)`: a question of a
///   submission (`points` NULL for one graded by hand and not scored);
/// - `test(student, question, position, check_block, text, passed, points, worth, details)`:
///   each test that ran (`points` as the master names them, `worth` what it counted for,
///   `details` the values involved, a JSON array); `check_failure(student, question, position,
///   check_block, message)`: a check that stopped on an error;
/// - `manual_score(student, question, points, comment)`: `manual.csv` as last folded in;
/// - `run(shard, shards)` and `assignment(student, file)`: the share of the class the last
///   `grade` into the folder was given (shard 0 of 1 for a whole class), so that a merge can tell
///   a shard that did not finish; `problem(position, text)`: what a merge found missing;
/// - `source(student, text)`: each submission's notebook as graded, `starter(text)`: the student
///   version, and `copied(first, second, score, matches)`: the pairs found alike (`matches` the
///   stretches side by side, JSON).
final class GradebookDatabase {
    /// The file's name in a gradebook folder.
    static let fileName = "gradebook.sqlite"

    private let queue: DatabaseQueue

    /// Opens (creating it when missing) the database of the gradebook folder `directory`.
    init(directory: String) throws {
        queue = try DatabaseQueue(path: Self.path(in: directory))
        try Self.migrator.migrate(queue)
    }

    /// The database's path in the gradebook folder `directory`.
    static func path(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
    }

    /// Whether `directory` holds a gradebook (its database).
    static func exists(in directory: String) -> Bool { FileManager.default.fileExists(atPath: path(in: directory)) }

    /// Whether `grade` or a merge may write into `directory`: it is new, empty or a gradebook,
    /// so that nothing of the user's is replaced.
    static func mayWrite(into directory: String) -> Bool {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return existing.isEmpty || exists(in: directory)
    }

    /// The master last graded into the database, if any.
    func master() throws -> MasterInfo? {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT title, lang, sha256 FROM master") else { return nil }
            let questions = try Row.fetchAll(db, sql: "SELECT id, name, points FROM question ORDER BY position").map {
                MasterInfo.Question(id: $0["id"], name: $0["name"], points: $0["points"])
            }
            return MasterInfo(title: row["title"], lang: row["lang"], questions: questions, sha256: row["sha256"])
        }
    }

    /// Makes `master` the database's master (its questions replace the earlier master's).
    func setMaster(_ master: MasterInfo) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM master")
            try db.execute(sql: "DELETE FROM question")
            try db.execute(sql: "INSERT INTO master (id, title, lang, sha256) VALUES (1, ?, ?, ?)",
                           arguments: [master.title, master.lang, master.sha256])
            for (position, question) in master.questions.enumerated() {
                try db.execute(sql: "INSERT INTO question (position, id, name, points) VALUES (?, ?, ?, ?)",
                               arguments: [position, question.id, question.name, question.points])
            }
        }
    }

    /// Every submission's row graded against the master whose SHA-256 is `master`, by student.
    func grades(master: String) throws -> [SubmissionGrade] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE master_sha256 = ? ORDER BY student", arguments: [master])
                .map { try Self.grade($0, db) }
        }
    }

    /// Writes `grade`'s row, in place of the student's earlier one.
    func record(_ grade: SubmissionGrade) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM submission WHERE student = ?", arguments: [grade.student])
            try db.execute(sql: """
                INSERT INTO submission (student, file, sha256, master_sha256, engine, status, total, maximum, seconds, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [grade.student, grade.file, grade.sha256, grade.master, grade.engine, grade.status.rawValue,
                                 grade.total, grade.maximum, grade.seconds, Self.json(grade.notes)])
            for (position, question) in grade.questions.enumerated() {
                try db.execute(sql: """
                    INSERT INTO score (student, position, question, name, maximum, points, manual) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [grade.student, position, question.id, question.name, question.maximum, question.points,
                                     question.manual])
                for (index, test) in question.tests.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO test (student, question, position, check_block, text, passed, points, worth, details)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [grade.student, question.id, index, test.check, test.text, test.passed, test.points,
                                         index < question.worth.count ? question.worth[index] : 0, Self.json(test.values)])
                }
                for (index, failure) in question.failures.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO check_failure (student, question, position, check_block, message) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [grade.student, question.id, index, failure.check, failure.message])
                }
            }
        }
    }

    /// Keeps the share of the class this folder is given: `shard`, and its students with their files.
    func setAssignment(_ shard: Shard, students: [(student: String, file: String)]) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM run")
            try db.execute(sql: "DELETE FROM assignment")
            try db.execute(sql: "INSERT INTO run (id, shard, shards) VALUES (1, ?, ?)", arguments: [shard.index, shard.count])
            for (student, file) in students {
                try db.execute(sql: "INSERT INTO assignment (student, file) VALUES (?, ?)", arguments: [student, file])
            }
        }
    }

    /// The share of the class the folder was last given, if any: its shard, and its students
    /// with their files.
    func assignment() throws -> (shard: Shard, students: [(student: String, file: String)])? {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT shard, shards FROM run"),
                  let shard = Shard(index: row["shard"], count: row["shards"]) else { return nil }
            let students = try Row.fetchAll(db, sql: "SELECT student, file FROM assignment ORDER BY student")
                .map { (student: $0["student"] as String, file: $0["file"] as String) }
            return (shard, students)
        }
    }

    /// Keeps a submission's notebook text (what copied work is looked for in).
    func setSource(_ text: String, of student: String) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO source (student, text) VALUES (?, ?)", arguments: [student, text])
        }
    }

    /// The notebook texts of `students` that the database holds, by student.
    func sources(of students: [String]) throws -> [(student: String, text: String)] {
        try queue.read { db in
            try students.compactMap { student in
                try String.fetchOne(db, sql: "SELECT text FROM source WHERE student = ?", arguments: [student]).map { (student, $0) }
            }
        }
    }

    /// The student version's text (whose code is no one's copy), and where it is set.
    func starter() throws -> String? { try queue.read { db in try String.fetchOne(db, sql: "SELECT text FROM starter") } }

    func setStarter(_ text: String) throws {
        try queue.write { db in try db.execute(sql: "INSERT OR REPLACE INTO starter (id, text) VALUES (1, ?)", arguments: [text]) }
    }

    /// The pairs found alike, in place of the earlier ones.
    func setCopied(_ pairs: [CopiedPair]) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM copied")
            for (position, pair) in pairs.enumerated() {
                let matches = String(decoding: try JSONEncoder().encode(pair.matches), as: UTF8.self)
                try db.execute(sql: "INSERT INTO copied (position, first, second, score, matches) VALUES (?, ?, ?, ?, ?)",
                               arguments: [position, pair.students[0], pair.students[1], pair.score, matches])
            }
        }
    }

    func copied() throws -> [CopiedPair] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM copied ORDER BY position").map { row in
                CopiedPair(students: [row["first"], row["second"]], score: row["score"],
                           matches: try JSONDecoder().decode([CopiedPair.Match].self, from: Data((row["matches"] as String).utf8)))
            }
        }
    }

    /// What a merge found missing, in place of the earlier list.
    func setProblems(_ problems: [String]) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM problem")
            for (position, text) in problems.enumerated() {
                try db.execute(sql: "INSERT INTO problem (position, text) VALUES (?, ?)", arguments: [position, text])
            }
        }
    }

    /// What the last merge into the folder found missing.
    func problems() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT text FROM problem ORDER BY position") }
    }

    /// Keeps the teacher's scores as `manual.csv` says them now.
    func setManualScores(_ scores: [String: [String: ManualScores.Score]]) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM manual_score")
            for (student, questions) in scores {
                for (question, score) in questions {
                    try db.execute(sql: "INSERT INTO manual_score (student, question, points, comment) VALUES (?, ?, ?, ?)",
                                   arguments: [student, question, score.points, score.comment])
                }
            }
        }
    }

    /// A submission's row read back whole.
    private static func grade(_ row: Row, _ db: Database) throws -> SubmissionGrade {
        let student: String = row["student"]
        let tests = try Row.fetchAll(db, sql: "SELECT * FROM test WHERE student = ? ORDER BY question, position", arguments: [student])
        let failures = try Row.fetchAll(db, sql: "SELECT * FROM check_failure WHERE student = ? ORDER BY question, position",
                                        arguments: [student])
        let questions = try Row.fetchAll(db, sql: "SELECT * FROM score WHERE student = ? ORDER BY position", arguments: [student])
            .map { score -> QuestionScore in
                let id: String = score["question"]
                let own = tests.filter { ($0["question"] as String) == id }
                return QuestionScore(
                    id: id, name: score["name"], maximum: score["maximum"], points: score["points"],
                    tests: own.map { TestResult(text: $0["text"], passed: $0["passed"], points: $0["points"],
                                                values: strings($0["details"]), check: $0["check_block"]) },
                    worth: own.map { $0["worth"] },
                    failures: failures.filter { ($0["question"] as String) == id }.map { CheckFailure(check: $0["check_block"], message: $0["message"]) },
                    manual: score["manual"], comment: nil)
            }
        let statusName: String = row["status"]
        guard let status = SubmissionGrade.Status(rawValue: statusName) else {
            throw GradingError.unknownStatus(statusName, student)
        }
        return SubmissionGrade(student: student, file: row["file"], sha256: row["sha256"], master: row["master_sha256"],
                               engine: row["engine"], status: status, questions: questions, notes: strings(row["notes"]),
                               seconds: row["seconds"])
    }

    private static func json(_ strings: [String]) -> String {
        (try? JSONEncoder().encode(strings)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }

    private static func strings(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// The schema, one migration a version.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("gradebook 1") { db in
            try db.execute(sql: """
                CREATE TABLE master (id INTEGER PRIMARY KEY CHECK (id = 1), title TEXT NOT NULL, lang TEXT NOT NULL,
                                     sha256 TEXT NOT NULL);
                CREATE TABLE question (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                                       points REAL NOT NULL);
                CREATE TABLE submission (student TEXT PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL,
                                         master_sha256 TEXT NOT NULL, engine TEXT NOT NULL, status TEXT NOT NULL,
                                         total REAL NOT NULL, maximum REAL NOT NULL, seconds REAL NOT NULL,
                                         notes TEXT NOT NULL);
                CREATE TABLE score (student TEXT NOT NULL REFERENCES submission(student) ON DELETE CASCADE,
                                    position INTEGER NOT NULL, question TEXT NOT NULL, name TEXT NOT NULL,
                                    maximum REAL NOT NULL, points REAL, manual INTEGER NOT NULL,
                                    PRIMARY KEY (student, question));
                CREATE TABLE test (student TEXT NOT NULL REFERENCES submission(student) ON DELETE CASCADE,
                                   question TEXT NOT NULL, position INTEGER NOT NULL, check_block TEXT NOT NULL,
                                   text TEXT NOT NULL, passed INTEGER NOT NULL, points REAL, worth REAL NOT NULL,
                                   details TEXT NOT NULL, PRIMARY KEY (student, question, position));
                CREATE TABLE check_failure (student TEXT NOT NULL REFERENCES submission(student) ON DELETE CASCADE,
                                            question TEXT NOT NULL, position INTEGER NOT NULL,
                                            check_block TEXT NOT NULL, message TEXT NOT NULL,
                                            PRIMARY KEY (student, question, position));
                CREATE TABLE manual_score (student TEXT NOT NULL, question TEXT NOT NULL, points REAL NOT NULL,
                                           comment TEXT NOT NULL, PRIMARY KEY (student, question));
                CREATE TABLE run (id INTEGER PRIMARY KEY CHECK (id = 1), shard INTEGER NOT NULL, shards INTEGER NOT NULL);
                CREATE TABLE assignment (student TEXT PRIMARY KEY, file TEXT NOT NULL);
                CREATE TABLE problem (position INTEGER PRIMARY KEY, text TEXT NOT NULL);
                CREATE TABLE source (student TEXT PRIMARY KEY, text TEXT NOT NULL);
                CREATE TABLE starter (id INTEGER PRIMARY KEY CHECK (id = 1), text TEXT NOT NULL);
                CREATE TABLE copied (position INTEGER PRIMARY KEY, first TEXT NOT NULL, second TEXT NOT NULL,
                                     score REAL NOT NULL, matches TEXT NOT NULL);
                """)
        }
        return migrator
    }
}
