import Vapor
import GuanaiCore

// The patches and their checks are Core's (ChildPatch, PersonPatch, ChildChange); here they become request content.
extension ChildPatch: Content {}
extension PersonPatch: Content {}

// The form inputs and their checks are Core's (ChildForm, FormChecker); here they become request content.
extension ParentInput: Content {}
extension GuardianInput: Content {}
extension ChildInput: Content {}
typealias Checker = FormChecker
