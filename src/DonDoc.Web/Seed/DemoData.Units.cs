using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Units;

using DonDoc.Web.Features.Shared;

namespace DonDoc.Web.Seed;

public static partial class DemoData
{
    // Hà Tây was merged into Hà Nội on 1/8/2008: the start of the city's present-day units.
    private static readonly DateOnly CityExpanded = new(2008, 8, 1);
    private static readonly DateOnly BlocsDissolved = new(2025, 2, 1);
    private static readonly DateOnly BoardsMerged = new(2025, 3, 1);
    private static readonly DateOnly DistrictsAbolished = new(2025, 7, 1);

    private sealed record District(string Kind, string Name, string[] Successors);

    // The district-level committees until 30/6/2025 and the communes and wards that took over most
    // of each one's area; together the successors are the city's 126 communes and wards.
    private static readonly District[] Districts =
    [
        new("Quận", "Ba Đình", ["Ba Đình", "Ngọc Hà", "Giảng Võ"]),
        new("Quận", "Hoàn Kiếm", ["Hoàn Kiếm", "Cửa Nam", "Hồng Hà"]),
        new("Quận", "Tây Hồ", ["Tây Hồ", "Phú Thượng"]),
        new("Quận", "Long Biên", ["Long Biên", "Bồ Đề", "Việt Hưng", "Phúc Lợi"]),
        new("Quận", "Cầu Giấy", ["Cầu Giấy", "Nghĩa Đô", "Yên Hòa"]),
        new("Quận", "Đống Đa", ["Đống Đa", "Kim Liên", "Văn Miếu - Quốc Tử Giám", "Láng", "Ô Chợ Dừa"]),
        new("Quận", "Hai Bà Trưng", ["Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai"]),
        new("Quận", "Hoàng Mai", ["Hoàng Mai", "Lĩnh Nam", "Vĩnh Hưng", "Tương Mai", "Định Công", "Hoàng Liệt", "Yên Sở"]),
        new("Quận", "Thanh Xuân", ["Thanh Xuân", "Khương Đình", "Phương Liệt"]),
        new("Quận", "Nam Từ Liêm", ["Từ Liêm", "Xuân Phương", "Tây Mỗ", "Đại Mỗ"]),
        new("Quận", "Bắc Từ Liêm", ["Tây Tựu", "Phú Diễn", "Xuân Đỉnh", "Đông Ngạc", "Thượng Cát"]),
        new("Quận", "Hà Đông", ["Hà Đông", "Dương Nội", "Yên Nghĩa", "Phú Lương", "Kiến Hưng"]),
        new("Thị xã", "Sơn Tây", ["Sơn Tây", "Tùng Thiện", "Đoài Phương"]),
        new("Huyện", "Ba Vì", ["Ba Vì", "Yên Bài", "Minh Châu", "Quảng Oai", "Vật Lại", "Cổ Đô", "Bất Bạt", "Suối Hai"]),
        new("Huyện", "Chương Mỹ", ["Chương Mỹ", "Phú Nghĩa", "Xuân Mai", "Trần Phú", "Hòa Phú", "Quảng Bị"]),
        new("Huyện", "Đan Phượng", ["Đan Phượng", "Ô Diên", "Liên Minh"]),
        new("Huyện", "Đông Anh", ["Đông Anh", "Phúc Thịnh", "Thiên Lộc", "Vĩnh Thanh", "Thư Lâm"]),
        new("Huyện", "Gia Lâm", ["Gia Lâm", "Thuận An", "Bát Tràng", "Phù Đổng"]),
        new("Huyện", "Hoài Đức", ["Hoài Đức", "Dương Hòa", "Sơn Đồng", "An Khánh"]),
        new("Huyện", "Mê Linh", ["Mê Linh", "Yên Lãng", "Tiến Thắng", "Quang Minh"]),
        new("Huyện", "Mỹ Đức", ["Mỹ Đức", "Hồng Sơn", "Phúc Sơn", "Hương Sơn"]),
        new("Huyện", "Phú Xuyên", ["Phú Xuyên", "Phượng Dực", "Chuyên Mỹ", "Đại Xuyên"]),
        new("Huyện", "Phúc Thọ", ["Phúc Thọ", "Phúc Lộc", "Hát Môn"]),
        new("Huyện", "Quốc Oai", ["Quốc Oai", "Hưng Đạo", "Kiều Phú", "Phú Cát"]),
        new("Huyện", "Sóc Sơn", ["Sóc Sơn", "Đa Phúc", "Nội Bài", "Trung Giã", "Kim Anh"]),
        new("Huyện", "Thạch Thất", ["Thạch Thất", "Hạ Bằng", "Tây Phương", "Hòa Lạc", "Yên Xuân"]),
        new("Huyện", "Thanh Oai", ["Thanh Oai", "Bình Minh", "Tam Hưng", "Dân Hòa"]),
        new("Huyện", "Thanh Trì", ["Thanh Trì", "Đại Thanh", "Nam Phù", "Ngọc Hồi", "Thanh Liệt"]),
        new("Huyện", "Thường Tín", ["Thường Tín", "Thượng Phúc", "Chương Dương", "Hồng Vân"]),
        new("Huyện", "Ứng Hòa", ["Vân Đình", "Ứng Thiên", "Hòa Xá", "Ứng Hòa"]),
    ];

    // The 51 of the 126 that are wards (phường); the others are communes (xã).
    private static readonly HashSet<string> Wards =
    [
        "Hoàn Kiếm", "Cửa Nam", "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai", "Đống Đa",
        "Kim Liên", "Văn Miếu - Quốc Tử Giám", "Láng", "Ô Chợ Dừa", "Hồng Hà", "Lĩnh Nam", "Hoàng Mai", "Vĩnh Hưng",
        "Tương Mai", "Định Công", "Hoàng Liệt", "Yên Sở", "Thanh Xuân", "Khương Đình", "Phương Liệt", "Cầu Giấy",
        "Nghĩa Đô", "Yên Hòa", "Tây Hồ", "Phú Thượng", "Tây Tựu", "Phú Diễn", "Xuân Đỉnh", "Đông Ngạc", "Thượng Cát",
        "Từ Liêm", "Xuân Phương", "Tây Mỗ", "Đại Mỗ", "Long Biên", "Bồ Đề", "Việt Hưng", "Phúc Lợi", "Hà Đông",
        "Dương Nội", "Yên Nghĩa", "Phú Lương", "Kiến Hưng", "Thanh Liệt", "Chương Mỹ", "Sơn Tây", "Tùng Thiện",
    ];

    // Where the demo shows the grassroots level: the cells and grassroots committees of these.
    private static readonly string[] WithGrassroots =
        ["Hoàn Kiếm", "Ba Đình", "Cửa Nam", "Đống Đa", "Cầu Giấy", "Tây Hồ", "Long Biên", "Hà Đông", "Sóc Sơn", "Ba Vì"];

    private static readonly string[] Enterprises =
    [
        "Tổng công ty Vận tải Hà Nội", "Tổng công ty Du lịch Hà Nội", "Tổng công ty Đầu tư và Phát triển hạ tầng đô thị",
        "Công ty TNHH một thành viên Nước sạch Hà Nội", "Công ty TNHH một thành viên Thoát nước Hà Nội",
        "Tổng công ty Thương mại Hà Nội",
    ];

    private static readonly (string Code, string Name, DateOnly? From)[] Departments =
    [
        ("VP-UBND", "Văn phòng Ủy ban nhân dân Thành phố", null),
        ("SNV", "Sở Nội vụ", null),
        ("STC", "Sở Tài chính", null),
        ("SXD", "Sở Xây dựng", null),
        ("SGDDT", "Sở Giáo dục và Đào tạo", null),
        ("SYT", "Sở Y tế", null),
        ("SVHTT", "Sở Văn hóa và Thể thao", null),
        ("SKHCN", "Sở Khoa học và Công nghệ", null),
        ("SNNMT", "Sở Nông nghiệp và Môi trường", BoardsMerged),
        ("SCT", "Sở Công Thương", null),
        ("STP", "Sở Tư pháp", null),
        ("SQHKT", "Sở Quy hoạch - Kiến trúc", null),
        ("SDL", "Sở Du lịch", null),
        ("SDTTG", "Sở Dân tộc và Tôn giáo", BoardsMerged),
        ("TTTP", "Thanh tra Thành phố", null),
    ];

    /// <summary>The units the task plans refer to.</summary>
    private sealed class Structure
    {
        private readonly Dictionary<string, Unit> _byCode = [];

        public List<Unit> All { get; } = [];
        public Unit Root => All[0];
        // The 136 directly subordinate committees since 1/7/2025, and the 126 of them that are communes and wards.
        public List<Unit> Committees { get; } = [];
        public List<Unit> Localities { get; } = [];
        // The subordinate committees that led the lower-level work of the 2020–2025 term.
        public List<Unit> FormerCommittees { get; } = [];
        public Dictionary<int, List<Unit>> Successors { get; } = [];
        public List<(Unit Predecessor, Unit Successor, LineageKind Kind)> Links { get; } = [];

        public Unit this[string code] => _byCode[code];

        public Unit ById(int id) => All.First(u => u.Id == id);

        public Unit Add(string code, string name, UnitType type, Unit? parent, DateOnly from, DateOnly? to = null)
        {
            var unit = new Unit { Code = code, Name = VnText.Normalize(name), Type = type, Parent = parent, ValidFrom = from, ValidTo = to };
            All.Add(unit);
            _byCode.Add(code, unit);
            return unit;
        }

        public void Link(Unit predecessor, Unit successor, LineageKind kind) => Links.Add((predecessor, successor, kind));

        /// <summary>The unit that takes over a closed one's work; a merged or split unit's successor is picked at random.</summary>
        public Unit Successor(Unit closed, Random random) => Successors[closed.Id][random.Next(Successors[closed.Id].Count)];
    }

    private static string CodeOf(string name) =>
        new(VnText.Fold(name).Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static async Task<Structure> SeedUnitsAsync(AppDb db)
    {
        var s = new Structure();
        var root = s.Add("TU-HN", "Thành ủy Hà Nội", UnitType.TinhUy, null, CityExpanded);

        s.Add("VPTU", "Văn phòng Thành ủy", UnitType.Ban, root, CityExpanded);
        s.Add("BTCTU", "Ban Tổ chức Thành ủy", UnitType.Ban, root, CityExpanded);
        var propaganda = s.Add("BTGTU", "Ban Tuyên giáo Thành ủy", UnitType.Ban, root, CityExpanded, BoardsMerged);
        var massMobilisation = s.Add("BDVTU", "Ban Dân vận Thành ủy", UnitType.Ban, root, CityExpanded, BoardsMerged);
        var merged = s.Add("BTGDVTU", "Ban Tuyên giáo và Dân vận Thành ủy", UnitType.Ban, root, BoardsMerged);
        s.Add("BNCTU", "Ban Nội chính Thành ủy", UnitType.Ban, root, CityExpanded);
        s.Add("UBKTTU", "Ủy ban Kiểm tra Thành ủy", UnitType.Ban, root, CityExpanded);
        s.Link(propaganda, merged, LineageKind.Merge);
        s.Link(massMobilisation, merged, LineageKind.Merge);

        s.Add("HDND-HN", "Hội đồng nhân dân thành phố Hà Nội", UnitType.CoQuanNhaNuoc, root, CityExpanded);
        var city = s.Add("UBND-HN", "Ủy ban nhân dân thành phố Hà Nội", UnitType.CoQuanNhaNuoc, root, CityExpanded);
        foreach (var (code, name, from) in Departments)
            s.Add(code, name, UnitType.CoQuanNhaNuoc, city, from ?? CityExpanded);

        // The subordinate committees before 2025: 30 districts, two blocs, the police and the army.
        var districts = new List<(Unit Unit, District District)>();
        foreach (var d in Districts)
        {
            var (prefix, title) = d.Kind switch
            {
                "Quận" => ("QU", "Quận ủy"),
                "Huyện" => ("HU", "Huyện ủy"),
                _ => ("TXU", "Thị ủy"),
            };
            // Bắc and Nam Từ Liêm were split from Từ Liêm district in 2014.
            var from = d.Name.EndsWith("Từ Liêm") ? new DateOnly(2014, 4, 1) : CityExpanded;
            var unit = s.Add($"{prefix}-{CodeOf(d.Name)}", $"{title} {d.Name}", UnitType.DangBoTrucThuoc, root, from, DistrictsAbolished);
            districts.Add((unit, d));
            s.FormerCommittees.Add(unit);
        }
        var agencies = s.Add("DB-KHOICQ", "Đảng bộ Khối các cơ quan Thành phố", UnitType.DangBoTrucThuoc, root, CityExpanded, BlocsDissolved);
        var business = s.Add("DB-KHOIDN", "Đảng bộ Khối Doanh nghiệp Thành phố", UnitType.DangBoTrucThuoc, root, CityExpanded, BlocsDissolved);
        s.FormerCommittees.Add(agencies);
        s.FormerCommittees.Add(business);

        var partyAgencies = s.Add("DB-CQD", "Đảng bộ các cơ quan Đảng Thành phố", UnitType.DangBoTrucThuoc, root, BlocsDissolved);
        var cityParty = s.Add("DB-UBND", "Đảng bộ Ủy ban nhân dân Thành phố", UnitType.DangBoTrucThuoc, root, BlocsDissolved);
        var police = s.Add("DB-CA", "Đảng bộ Công an Thành phố", UnitType.DangBoTrucThuoc, root, CityExpanded);
        var army = s.Add("DB-BTLTD", "Đảng bộ Bộ Tư lệnh Thủ đô Hà Nội", UnitType.DangBoTrucThuoc, root, CityExpanded);
        s.FormerCommittees.Add(police);
        s.FormerCommittees.Add(army);
        s.Link(agencies, partyAgencies, LineageKind.Split);
        s.Link(agencies, cityParty, LineageKind.Split);
        var enterprises = Enterprises.Select((name, i) =>
            s.Add($"DB-DN{i + 1:00}", $"Đảng bộ {name}", UnitType.DangBoTrucThuoc, root, BlocsDissolved)).ToList();
        foreach (var e in enterprises)
            s.Link(business, e, LineageKind.Split);

        foreach (var (unit, d) in districts)
            foreach (var name in d.Successors)
            {
                var locality = s.Add($"DB-{CodeOf(name)}", $"Đảng bộ {(Wards.Contains(name) ? "phường" : "xã")} {name}",
                    UnitType.DangBoTrucThuoc, root, DistrictsAbolished);
                s.Localities.Add(locality);
                s.Link(unit, locality, LineageKind.Merge);
            }
        s.Localities.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        s.Committees.AddRange(s.Localities);
        s.Committees.AddRange([partyAgencies, cityParty, police, army, .. enterprises]);

        AddGrassroots(s, partyAgencies, cityParty);

        // Paths hold each parent's id: save one level at a time, parents first.
        foreach (var level in s.All.GroupBy(DepthOf).OrderBy(g => g.Key))
        {
            db.Units.AddRange(level);
            await UnitPaths.SaveAsync(db);
        }
        foreach (var (predecessor, successor, kind) in s.Links)
        {
            db.UnitLineages.Add(new UnitLineage
            {
                PredecessorId = predecessor.Id,
                SuccessorId = successor.Id,
                OnDate = predecessor.ValidTo!.Value,
                Kind = kind,
            });
            if (!s.Successors.TryGetValue(predecessor.Id, out var list))
                s.Successors[predecessor.Id] = list = [];
            list.Add(successor);
        }
        await db.SaveChangesAsync();
        return s;
    }

    private static int DepthOf(Unit u) => u.Parent is null ? 0 : DepthOf(u.Parent) + 1;

    private static void AddGrassroots(Structure s, Unit partyAgencies, Unit cityParty)
    {
        var hamlets = new[] { "Đông", "Đoài", "Thượng", "Trung", "Hạ", "Nam", "Bắc", "Tiền", "Hậu" };
        var n = 0;
        foreach (var name in WithGrassroots)
        {
            var committee = s[$"DB-{CodeOf(name)}"];
            var ward = Wards.Contains(name);
            var level = ward ? "phường" : "xã";
            var from = committee.ValidFrom;
            var k = 0;
            Unit Add(Unit parent, string unitName, UnitType type) =>
                s.Add($"{parent.Code}-{++k:00}", unitName, type, parent, from);

            var office = Add(committee, $"Đảng bộ Cơ quan Ủy ban nhân dân {level} {name}", UnitType.DangBoCoSo);
            Add(office, "Chi bộ Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", UnitType.ChiBo);
            Add(office, ward ? "Chi bộ Phòng Kinh tế, Hạ tầng và Đô thị" : "Chi bộ Phòng Kinh tế", UnitType.ChiBo);
            Add(office, "Chi bộ Phòng Văn hóa - Xã hội", UnitType.ChiBo);
            Add(office, "Chi bộ Trung tâm Phục vụ hành chính công", UnitType.ChiBo);
            Add(committee, $"Đảng bộ Công an {level} {name}", UnitType.DangBoCoSo);
            Add(committee, $"Chi bộ Ban Chỉ huy Quân sự {level} {name}", UnitType.ChiBo);
            Add(committee, $"Chi bộ Trạm Y tế {level} {name}", UnitType.ChiBo);
            Add(committee, $"Chi bộ Trường Mầm non {name}", UnitType.ChiBo);
            Add(committee, $"Chi bộ Trường Trung học cơ sở {name}", UnitType.ChiBo);
            var residential = 4 + n++ % 5;
            for (var i = 1; i <= residential; i++)
                Add(committee, ward ? $"Chi bộ Tổ dân phố số {i}" : $"Chi bộ thôn {hamlets[(i - 1) % hamlets.Length]}", UnitType.ChiBo);
        }

        var j = 0;
        Unit Under(Unit parent, string name, UnitType type) => s.Add($"{parent.Code}-{++j:00}", name, type, parent, parent.ValidFrom);
        Under(partyAgencies, "Đảng bộ Văn phòng Thành ủy", UnitType.DangBoCoSo);
        Under(partyAgencies, "Chi bộ Ban Tổ chức Thành ủy", UnitType.ChiBo);
        Under(partyAgencies, "Chi bộ Ban Nội chính Thành ủy", UnitType.ChiBo);
        Under(partyAgencies, "Chi bộ Cơ quan Ủy ban Kiểm tra Thành ủy", UnitType.ChiBo);
        Under(partyAgencies, "Đảng bộ Báo Hànộimới", UnitType.DangBoCoSo);
        Under(partyAgencies, "Đảng bộ Trường Đào tạo cán bộ Lê Hồng Phong", UnitType.DangBoCoSo);
        var board = Under(partyAgencies, "Chi bộ Ban Tuyên giáo và Dân vận Thành ủy", UnitType.ChiBo);
        board.ValidFrom = BoardsMerged;
        j = 0;
        foreach (var name in new[] { "Văn phòng Ủy ban nhân dân Thành phố", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng",
                     "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Khoa học và Công nghệ" })
            Under(cityParty, $"Đảng bộ {name}", UnitType.DangBoCoSo);
    }
}
