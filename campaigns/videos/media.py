"""ffmpeg for videos: the binary that imageio-ffmpeg installs with the project (no system
ffmpeg needed). Probing, a poster frame, the data-saver rendition and test clips."""

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

PROBE_TIMEOUT = 30
ENCODE_TIMEOUT = 30 * 60

# What containers start with: an MP4 has "ftyp" at byte 4, a WebM (Matroska) the EBML id.
_MP4_BOX = b"ftyp"
_EBML = b"\x1a\x45\xdf\xa3"


class UnreadableVideo(Exception):
    """ffmpeg cannot read the file as a video; the message says why."""


@dataclass(frozen=True)
class VideoInfo:
    duration_seconds: float
    width: int
    height: int


def ffmpeg() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def container_of(head: bytes) -> str | None:
    """ "mp4", "webm" or None, from the first bytes of a file."""
    if head[4:8] == _MP4_BOX:
        return "mp4"
    if head.startswith(_EBML):
        return "webm"
    return None


def probe(path: str | os.PathLike) -> VideoInfo:
    """Duration and frame size, as ffmpeg reads them; UnreadableVideo when it cannot."""
    frames = imageio_ffmpeg.read_frames(str(path))
    try:
        meta = next(frames)
    except (RuntimeError, OSError, StopIteration) as error:
        raise UnreadableVideo(_last_line(str(error))) from None
    finally:
        frames.close()
    size = meta.get("size")
    duration = float(meta.get("duration") or 0)
    if not size or not all(size) or duration <= 0:
        raise UnreadableVideo("no video stream with a duration was found")
    return VideoInfo(duration_seconds=round(duration, 3), width=size[0], height=size[1])


def poster_frame(path: str | os.PathLike, *, at_seconds: float) -> bytes:
    """A JPEG of the frame at `at_seconds`."""
    arguments = ["-ss", f"{at_seconds:.2f}", "-i", str(path), "-frames:v", "1", "-q:v", "3"]
    output = ["-f", "image2", "-c:v", "mjpeg", "pipe:1"]
    result = _run([*arguments, *output], timeout=PROBE_TIMEOUT)
    if not result.stdout:
        raise UnreadableVideo("ffmpeg gave no frame for the poster")
    return result.stdout


def data_saver(source: str | os.PathLike, target: str | os.PathLike, *, height: int, bitrate: str):
    """A small H.264/AAC MP4 that starts playing before it is fully downloaded.

    Constant quality with `bitrate` as a ceiling: simple footage takes far less."""
    video = ["-vf", f"scale=-2:{height}", "-c:v", "libx264", "-preset", "veryfast"]
    quality = ["-profile:v", "main", "-pix_fmt", "yuv420p", "-crf", "30"]
    ceiling = ["-maxrate", bitrate, "-bufsize", _double(bitrate)]
    audio = ["-c:a", "aac", "-b:a", "48k", "-ac", "1", "-movflags", "+faststart"]
    _run(
        ["-i", str(source), *video, *quality, *ceiling, *audio, str(target)],
        timeout=ENCODE_TIMEOUT,
    )


def make_clip(target: str | os.PathLike, *, seconds: float = 2, size: str = "320x180") -> None:
    """A small test-pattern clip with a tone; WebM (VP9/Opus) or MP4 (H.264/AAC) by the
    file's extension. For demo content and tests: no binary needs to be committed."""
    if str(target).endswith(".webm"):
        codec = ["-c:v", "libvpx-vp9", "-b:v", "200k", "-deadline", "realtime", "-cpu-used", "8"]
        codec = [*codec, "-c:a", "libopus"]
    else:
        codec = ["-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-movflags", "+faststart"]
    picture = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25"]
    tone = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]
    _run(
        [*picture, *tone, "-t", str(seconds), *codec, "-pix_fmt", "yuv420p", str(target)],
        timeout=PROBE_TIMEOUT,
    )


def sha256_of(chunks: Iterator[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def local_path(field_file) -> Iterator[str]:
    """A path ffmpeg can read for a stored file: the file itself on local storage, a
    temporary copy when it lives in S3-compatible storage."""
    try:
        yield field_file.path
        return
    except NotImplementedError:
        pass
    suffix = Path(field_file.name).suffix
    with tempfile.NamedTemporaryFile(prefix="video-", suffix=suffix) as copy:
        with field_file.open("rb") as stored:
            shutil.copyfileobj(stored, copy)
        copy.flush()
        yield copy.name


@contextmanager
def uploaded_path(upload) -> Iterator[str]:
    """A path for a file being uploaded: Django keeps large uploads in a temporary file
    already, small ones in memory."""
    if hasattr(upload, "temporary_file_path"):
        yield upload.temporary_file_path()
        return
    with tempfile.NamedTemporaryFile(prefix="upload-", suffix=Path(upload.name).suffix) as copy:
        upload.seek(0)
        shutil.copyfileobj(upload, copy)
        copy.flush()
        upload.seek(0)
        yield copy.name


def _run(arguments: list[str], *, timeout: int) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(
            [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", *arguments],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadableVideo(f"ffmpeg took longer than {timeout} seconds") from None
    if result.returncode != 0:
        raise UnreadableVideo(_last_line(result.stderr.decode("utf-8", "replace")))
    return result


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "ffmpeg failed"


def _double(bitrate: str) -> str:
    number, unit = bitrate[:-1], bitrate[-1]
    return f"{int(number) * 2}{unit}" if unit.isalpha() else str(int(bitrate) * 2)
