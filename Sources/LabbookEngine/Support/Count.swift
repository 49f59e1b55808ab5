/// A count known when a function is compiled: a generic parameter of this type makes a
/// specialization per count, with its loops unrolled for it.
protocol Count { static var value: Int { get } }
enum One: Count { static var value: Int { 1 } }
enum Two: Count { static var value: Int { 2 } }
enum Three: Count { static var value: Int { 3 } }
enum Four: Count { static var value: Int { 4 } }
enum Five: Count { static var value: Int { 5 } }
enum Six: Count { static var value: Int { 6 } }
enum Seven: Count { static var value: Int { 7 } }
enum Eight: Count { static var value: Int { 8 } }
