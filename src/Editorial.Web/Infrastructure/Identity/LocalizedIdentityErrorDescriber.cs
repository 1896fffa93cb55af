using Editorial.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Editorial.Web.Infrastructure.Identity;

/// <summary>Identity's messages in the person's language (Vietnamese by default) instead of fixed English.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<UiText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Identity.DefaultError"]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Identity.ConcurrencyFailure"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Identity.PasswordMismatch"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Identity.InvalidToken"]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["Identity.InvalidUserName", userName ?? ""]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Identity.InvalidEmail", email ?? ""]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Identity.DuplicateUserName", userName]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Identity.DuplicateEmail", email]);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), text["Identity.InvalidRoleName", role ?? ""]);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), text["Identity.DuplicateRoleName", role]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), text["Identity.UserAlreadyHasPassword"]);

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), text["Identity.UserLockoutNotEnabled"]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["Identity.UserAlreadyInRole", role]);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["Identity.UserNotInRole", role]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Identity.PasswordRequiresUniqueChars", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["Identity.PasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["Identity.PasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["Identity.PasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["Identity.PasswordRequiresUpper"]);

    private static IdentityError Error(string code, LocalizedString description) => new() { Code = code, Description = description.Value };
}
