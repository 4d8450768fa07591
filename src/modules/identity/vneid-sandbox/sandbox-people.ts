/**
 * The people, businesses and the organisation of the VNeID sandbox (demo only; published in
 * docs/demo.md). Personal identification numbers (số định danh cá nhân) follow Circular 59/2021/TT-BCA:
 * 3 digits of the province of birth registration (022 Quảng Ninh), 1 digit for gender and century
 * (0/1 male/female born 1900–1999, 2/3 born 2000–2099), 2 digits of the birth year, 6 random digits.
 * Tax codes (mã số thuế) are 10 digits with the tax office's check digit; Quảng Ninh's prefix is 57.
 * Addresses are in communes of Quảng Ninh after the 2025 two-level reform, with the codes of the
 * national catalogue (the same communes as the demo agencies).
 */

export interface SandboxAddress {
  MaTinh: string;
  TenTinh: string;
  MaXa: string;
  TenXa: string;
  ChiTiet: string;
  DiaChiDayDu: string;
}

function address(communeCode: string, commune: string, detail: string): SandboxAddress {
  return {
    MaTinh: '22',
    TenTinh: 'Tỉnh Quảng Ninh',
    MaXa: communeCode,
    TenXa: commune,
    ChiTiet: detail,
    DiaChiDayDu: `${detail}, ${commune.charAt(0).toLowerCase()}${commune.slice(1)}, tỉnh Quảng Ninh`,
  };
}

export type Claims = Record<string, unknown>;

export interface SandboxAccount {
  /** `sub` at the sandbox (opaque, stable). */
  sub: string;
  accountType: 1 | 2 | 3;
  /** What the sandbox page shows to pick the account. */
  label: string;
  /** The account key motcua files it under (DOMAIN.md §10). */
  key: string;
  claims: Claims;
}

interface PersonSeed {
  sub: string;
  id: string;
  name: string;
  birth: string;
  gender: 'Nam' | 'Nữ';
  phone: string;
  email: string | null;
  home: SandboxAddress;
  loa: 'LoA1' | 'LoA2';
  family?: Claims;
}

function person(p: PersonSeed): SandboxAccount {
  const verified = p.loa === 'LoA2';
  return {
    sub: p.sub,
    accountType: 1,
    label: p.name,
    key: p.id,
    claims: {
      LoaiTaiKhoan: 1,
      TechID: p.sub,
      loAs: p.loa,
      IAL: verified ? 'IAL2' : 'IAL1',
      TaiKhoanDuocXacThucVoiVNeID: verified ? 1 : 0,
      TrangThai: 1,
      SoDinhDanh: p.id,
      SoCMND: null,
      HoChieu: null,
      MaSoThue: p.id,
      MaBHXH: `22${p.id.slice(-8)}`,
      HoVaTen: p.name,
      NgayThangNamSinh: p.birth,
      GioiTinh: p.gender,
      DanToc: 'Kinh',
      TonGiao: 'Không',
      TinhTrangHonNhan: p.family?.VoChong ? 'Đã kết hôn' : 'Chưa kết hôn',
      NhomMau: 'O',
      QuocTich: 'Việt Nam',
      ThuDienTu: p.email,
      SoDienThoai: p.phone,
      SoDienThoaiBan: null,
      NoiDangKyKhaiSinh: { MaTinh: '22', TenTinh: 'Tỉnh Quảng Ninh', MaXa: p.home.MaXa, TenXa: p.home.TenXa },
      QueQuan: { MaTinh: '22', TenTinh: 'Tỉnh Quảng Ninh', MaXa: p.home.MaXa, TenXa: p.home.TenXa },
      ThuongTru: p.home,
      NoiOHienNay: p.home,
      Cha: null,
      Me: null,
      VoChong: null,
      NguoiDaiDien: null,
      ChuHo: null,
      ...p.family,
      userProfileUri: null,
      logoutUri: null,
    },
  };
}

interface OrgSeed {
  sub: string;
  type: 2 | 3;
  name: string;
  taxCode: string | null;
  representative: string;
  representativeId: string;
  phone: string;
  email: string;
  seat: SandboxAddress;
}

function organisation(o: OrgSeed): SandboxAccount {
  return {
    sub: o.sub,
    accountType: o.type,
    label: o.name,
    key: o.type === 2 ? (o.taxCode ?? '') : o.sub,
    claims: {
      LoaiTaiKhoan: o.type,
      TechID: o.sub,
      loAs: 'LoA2',
      IAL: 'IAL2',
      TaiKhoanDuocXacThucVoiVNeID: 1,
      TrangThai: 1,
      SoDinhDanh: null,
      MaSoThue: o.taxCode,
      MaSoDoanhNghiep: o.type === 2 ? o.taxCode : null,
      TenDoanhNghiep: o.name,
      HoVaTen: o.name,
      DiaChi: o.seat,
      NguoiDaiDien: { HoVaTen: o.representative, SoDinhDanh: o.representativeId },
      ThuDienTu: o.email,
      SoDienThoai: o.phone,
      SoDienThoaiBan: null,
      QuocTich: 'Việt Nam',
      userProfileUri: null,
      logoutUri: null,
    },
  };
}

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  person({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e01',
    id: '022085012345',
    name: 'Nguyễn Văn An',
    birth: '1985-03-14',
    gender: 'Nam',
    phone: '0912345678',
    email: 'nguyenvanan.qn@gmail.com',
    home: address('06688', 'Phường Hạ Long', 'Số 18, tổ 5, khu 3'),
    loa: 'LoA2',
    family: {
      VoChong: { HoVaTen: 'Trần Thị Bích Ngọc', SoDinhDanh: '022192004517' },
      ChuHo: { HoVaTen: 'Nguyễn Văn An', QuanHe: 'Chủ hộ' },
    },
  }),
  person({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e02',
    id: '022192004517',
    name: 'Trần Thị Bích Ngọc',
    birth: '1992-11-02',
    gender: 'Nữ',
    phone: '0983456721',
    email: 'bichngoc.tran92@gmail.com',
    home: address('06673', 'Phường Bãi Cháy', 'Số 7, đường Hạ Long, tổ 2, khu 4'),
    loa: 'LoA2',
    family: {
      VoChong: { HoVaTen: 'Nguyễn Văn An', SoDinhDanh: '022085012345' },
      ChuHo: { HoVaTen: 'Nguyễn Văn An', QuanHe: 'Vợ' },
    },
  }),
  person({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e03',
    id: '022203018862',
    name: 'Lê Hoàng Minh',
    birth: '2003-07-21',
    gender: 'Nam',
    phone: '0356789012',
    email: 'lehoangminh2003@gmail.com',
    home: address('06793', 'Phường Cẩm Phả', 'Số 41, tổ 8, khu 6'),
    loa: 'LoA2',
    family: {
      Cha: { HoVaTen: 'Lê Văn Thắng', SoDinhDanh: '022074009315' },
      Me: { HoVaTen: 'Hoàng Thị Thu', SoDinhDanh: '022177011208' },
    },
  }),
  person({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e04',
    id: '022178006203',
    name: 'Phạm Thị Hồng Nhung',
    birth: '1978-05-30',
    gender: 'Nữ',
    phone: '0868123456',
    email: null,
    home: address('06978', 'Xã Ba Chẽ', 'Thôn Làng Mới'),
    loa: 'LoA2',
  }),
  person({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e05',
    id: '022069010774',
    name: 'Đặng Quốc Huy',
    birth: '1969-09-09',
    gender: 'Nam',
    phone: '0904567123',
    email: 'dangquochuy69@yahoo.com',
    home: address('07093', 'Phường Đông Triều', 'Số 25, phố Nguyễn Du'),
    loa: 'LoA1',
  }),
  person({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e06',
    id: '022301002958',
    name: 'Vũ Thị Lan Anh',
    birth: '2001-01-15',
    gender: 'Nữ',
    phone: '0971234560',
    email: 'lananh.vu01@gmail.com',
    home: address('06712', 'Phường Móng Cái 1', 'Số 3, phố Hữu Nghị'),
    loa: 'LoA2',
  }),
  organisation({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e21',
    type: 2,
    name: 'Công ty TNHH Du lịch Vịnh Xanh Hạ Long',
    taxCode: '5701234566',
    representative: 'Nguyễn Văn An',
    representativeId: '022085012345',
    phone: '02033845678',
    email: 'lienhe@vinhxanhhalong.vn',
    seat: address('06673', 'Phường Bãi Cháy', 'Số 9, đường Hạ Long'),
  }),
  organisation({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e22',
    type: 2,
    name: 'Hợp tác xã Nông lâm nghiệp Ba Chẽ',
    taxCode: '5700987655',
    representative: 'Phạm Thị Hồng Nhung',
    representativeId: '022178006203',
    phone: '02033888123',
    email: 'htxnonglam.bache@gmail.com',
    seat: address('06978', 'Xã Ba Chẽ', 'Thôn Đồng Doong'),
  }),
  organisation({
    sub: '0193a8b2-6c1e-7d41-9a1f-3b5e2c7d9e31',
    type: 3,
    name: 'Hội Chữ thập đỏ phường Hồng Gai',
    taxCode: null,
    representative: 'Đặng Quốc Huy',
    representativeId: '022069010774',
    phone: '02033625147',
    email: 'chuthapdo.honggai@gmail.com',
    seat: address('06685', 'Phường Hồng Gai', 'Số 2, phố Bến Đoan'),
  }),
];

export const findSandboxAccount = (sub: string) => SANDBOX_ACCOUNTS.find((a) => a.sub === sub);

/** Every claim of the national portal's userinfo (DOMAIN.md §10) plus VNeID's own, for scope openid. */
export const SANDBOX_CLAIMS = ['sub', ...new Set(SANDBOX_ACCOUNTS.flatMap((a) => Object.keys(a.claims)))];
