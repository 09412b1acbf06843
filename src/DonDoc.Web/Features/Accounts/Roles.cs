namespace DonDoc.Web.Features.Accounts;

/// <summary>The roles; each applies to the subtree of the user's unit (see <see cref="UserScope"/>).</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string OfficeStaff = "OfficeStaff";
    public const string Leader = "Leader";
    public const string UnitOfficer = "UnitOfficer";
    public const string Viewer = "Viewer";
    // Named now so that accounts can be prepared; no feature grants them more than reading yet.
    public const string Inspector = "Inspector";
    public const string ComplaintHandler = "ComplaintHandler";

    public static readonly IReadOnlyList<string> All = [Administrator, OfficeStaff, Leader, UnitOfficer, Viewer, Inspector, ComplaintHandler];

    /// <summary>The office's roles: creating and assigning tasks, handing them down, cancelling them, registering and importing documents.</summary>
    public static readonly string[] Office = [Administrator, OfficeStaff];

    public static string Label(string role) => role switch
    {
        Administrator => "Quản trị hệ thống",
        OfficeStaff => "Chuyên viên văn phòng",
        Leader => "Lãnh đạo",
        UnitOfficer => "Cán bộ đơn vị",
        Viewer => "Chỉ xem",
        Inspector => "Kiểm tra, giám sát",
        ComplaintHandler => "Giải quyết đơn thư",
        _ => role,
    };

    public static string Duties(string role) => role switch
    {
        Administrator => "Quản lý tài khoản, sắp xếp đơn vị; làm được mọi việc trên toàn bộ dữ liệu.",
        OfficeStaff => "Giao nhiệm vụ, giao tiếp xuống đơn vị cấp dưới, hủy nhiệm vụ, đăng ký văn bản.",
        Leader => "Xem toàn bộ đơn vị và cấp dưới; công nhận hoàn thành, trả lại, quyết định gia hạn nhiệm vụ do đơn vị mình giao.",
        UnitOfficer => "Tiếp nhận, báo cáo tiến độ, báo cáo hoàn thành, đề nghị gia hạn nhiệm vụ đơn vị mình chủ trì hoặc phối hợp.",
        Viewer => "Chỉ xem dữ liệu của đơn vị và cấp dưới.",
        Inspector => "Chỉ xem (chức năng kiểm tra, giám sát sẽ bổ sung sau).",
        ComplaintHandler => "Chỉ xem (chức năng giải quyết đơn thư sẽ bổ sung sau).",
        _ => "",
    };
}

/// <summary>Authorization policies by role, on pages and endpoints that only some roles may reach at all.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    // Held by the office's roles (Roles.Office).
    public const string Office = "Office";
}

/// <summary>For views: whether to offer a link whose page the user's roles would refuse.</summary>
public static class RoleChecks
{
    public static bool IsAdministrator(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static bool IsOffice(this System.Security.Claims.ClaimsPrincipal user) => Roles.Office.Any(user.IsInRole);
}
