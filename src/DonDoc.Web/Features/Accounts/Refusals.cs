namespace DonDoc.Web.Features.Accounts;

public static class Refusals
{
    /// <summary>A 403 in problem+json: the user sees the record but their roles do not allow the action.</summary>
    public static IResult Forbidden() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Không có quyền", detail: "Vai trò của tài khoản không cho phép thao tác này.");
}
