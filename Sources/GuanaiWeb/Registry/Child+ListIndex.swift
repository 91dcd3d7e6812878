import Fluent
import SQLKit
import GuanaiCore
