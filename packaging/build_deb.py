"""Build the Debian package from the PyInstaller bundle: dist/essdesk_<version>-1_<arch>.deb.

    .venv/bin/pyinstaller --noconfirm build.spec     # dist/essdesk/
    .venv/bin/python packaging/build_deb.py          # [--bundle dist/essdesk] [--out dist]

What the package holds:

* ``/opt/essdesk/`` — the bundle, as built (read-only for users; essdesk writes nothing there);
* ``/usr/bin/essdesk`` — a symlink to ``/opt/essdesk/essdesk`` (PyInstaller's bootloader
  finds its files through /proc/self/exe, so the link works as is);
* ``/usr/share/applications/essdesk.desktop`` — resources/essdesk.desktop;
* ``/usr/share/icons/hicolor/{64x64,256x256}/apps/essdesk.png``;
* ``/usr/share/doc/essdesk/copyright``.

``Depends`` is computed, not written by hand: for every ELF file of the bundle, each library
it links to directly (``readelf -d``) is resolved by ``ldd`` (with the bundle's own folder
first on the library path, as the bootloader sets it), and each one found outside the
bundle is mapped to its Debian package with ``dpkg -S``; plus :data:`RUNTIME_DEPENDS`.
That is the xcb platform plugin's libxcb-*, libxkbcommon-x11, libX11-xcb…, and the rest of
what the bundle leaves to the system (packaging/trim.py, group ``system-libs``). A library
``ldd`` cannot find on the build machine stops the build: install it, then build again.

No maintainer scripts: dpkg's triggers refresh the desktop database and the icon cache, and
removal must never touch the users' data (~/.local/share/essdesk), which dpkg does not own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
DEB_REVISION = "1"
RUNTIME_DEPENDS = ("libpq5",)
"""Libraries the bundle loads at run time with ctypes, which ``readelf`` cannot see: psycopg
finds the system's libpq for the team server (issue 14)."""
INSTALL_DIR = "opt/essdesk"
ELF_MAGIC = b"\x7fELF"


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def direct_needs(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF file (its direct dependencies), from ``readelf -d``."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    names = []
    for line in out.stdout.splitlines():
        if "(NEEDED)" in line and "[" in line:
            names.append(line.split("[", 1)[1].split("]", 1)[0])
    return names


def system_libraries(bundle: Path) -> tuple[set[str], dict[str, set[str]]]:
    """Libraries the bundle's ELF files link to directly and that resolve outside the
    bundle (their own dependencies are their packages' business), and the ones ldd cannot
    find (name → files needing it)."""
    internal = bundle / "_internal"
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        [str(internal), str(internal / "PySide6" / "Qt" / "lib")]
    )
    resolved: set[str] = set()
    missing: dict[str, set[str]] = {}
    bundle_real = str(bundle.resolve())
    for path in elf_files(bundle):
        needs = set(direct_needs(path))
        if not needs:
            continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
        where: dict[str, str] = {}
        for line in out.stdout.splitlines():
            name, sep, target = line.strip().partition("=>")
            if sep:
                where[name.strip()] = target.strip()
            elif name.startswith("/"):  # the dynamic loader: "/lib64/ld-linux-x86-64.so.2 (0x…)"
                loader = name.split(" (")[0]
                where[os.path.basename(loader)] = loader
        for name in needs:
            target = where.get(name, "")
            if not target or target.startswith("not found"):
                if not (internal / name).exists():
                    missing.setdefault(name, set()).add(str(path.relative_to(bundle)))
                continue
            lib = target.split(" (")[0].strip()
            if lib and not os.path.realpath(lib).startswith(bundle_real + os.sep):
                resolved.add(lib)
    return resolved, missing


def _dpkg_owner(path: str) -> str | None:
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):  # merged /usr: dpkg may have registered either spelling
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr") :])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for candidate in candidates:
        out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout:
            package = out.stdout.splitlines()[0].split(":")[0].split(",")[0].strip()
            return package
    return None


def debian_depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(sorted package names, libraries no package owns)."""
    libs, missing = system_libraries(bundle)
    if missing:
        lines = [
            f"  {name} (needed by {', '.join(sorted(files)[:3])})"
            for name, files in sorted(missing.items())
        ]
        raise SystemExit(
            "build_deb: ldd cannot find these libraries on the build machine; install them "
            "(see .ci/run) and build again:\n" + "\n".join(lines)
        )
    packages: set[str] = set()
    orphans: list[str] = []
    for lib in sorted(libs):
        owner = _dpkg_owner(lib)
        if owner is None:
            orphans.append(lib)
        else:
            packages.add(owner)
    return sorted(packages | set(RUNTIME_DEPENDS)), orphans


def copy_tree(src: Path, dest: Path) -> None:
    shutil.copytree(src, dest, symlinks=True)
    for path in [dest, *dest.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111
            path.chmod(0o755 if executable else 0o644)


def install_file(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def folder_kib(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return (total + 1023) // 1024


def build(bundle: Path, out_dir: Path) -> Path:
    meta = project()
    name, version = meta["name"], meta["version"]
    executable = bundle / name
    if not executable.is_file() or not (bundle / "_internal").is_dir():
        raise SystemExit(f"build_deb: no bundle at {bundle} (run: pyinstaller build.spec)")
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    depends, orphans = debian_depends(bundle)
    if orphans:
        print("build_deb: no Debian package owns " + ", ".join(orphans), file=sys.stderr)

    full_version = f"{version}-{DEB_REVISION}"
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{name}_{full_version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="essdesk-deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        root.chmod(0o755)
        copy_tree(bundle, root / INSTALL_DIR)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / name).symlink_to(f"/{INSTALL_DIR}/{name}")
        resources = REPO / "resources"
        install_file(resources / "essdesk.desktop", root / "usr/share/applications/essdesk.desktop")
        install_file(
            resources / "essdesk.png", root / "usr/share/icons/hicolor/256x256/apps/essdesk.png"
        )
        small = resources / "essdesk-64.png"
        if small.is_file():
            install_file(small, root / "usr/share/icons/hicolor/64x64/apps/essdesk.png")
        doc = root / "usr/share/doc" / name
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            f"Upstream-Name: {name}\n\nFiles: *\nLicense: MIT\n"
            "Comment: the bundled Qt (LGPL-3.0) and Python (PSF-2.0) keep their own licences;\n"
            " the catalogue's content comes from a public ANCT report.\n",
            encoding="utf-8",
        )
        for folder in [root / "usr", *(root / "usr").rglob("*")]:
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)
        (root / "opt").chmod(0o755)

        control_dir = root / "DEBIAN"
        control_dir.mkdir()
        control = (PACKAGING / "debian" / "control.in").read_text(encoding="utf-8")
        control = (
            control.replace("@VERSION@", full_version)
            .replace("@ARCH@", arch)
            .replace("@INSTALLED_SIZE@", str(folder_kib(root)))
            .replace("@DEPENDS@", ", ".join(depends))
        )
        (control_dir / "control").write_text(control, encoding="utf-8")
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(f"{deb}  Depends: {', '.join(depends)}")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "essdesk")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--print-depends", action="store_true", help="only print Depends")
    args = parser.parse_args(argv)
    if args.print_depends:
        depends, orphans = debian_depends(args.bundle)
        print(", ".join(depends))
        return 1 if orphans else 0
    build(args.bundle, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
