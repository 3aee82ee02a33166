"""espeak-ng and ffmpeg: sentences in, small Ogg Opus audio and sentence timings out.

Each sentence is spoken on its own (one espeak-ng run each, a few milliseconds), so its start
and end in the joined audio are exact; a short pause separates sentences. The joined sound
goes to ffmpeg (imageio-ffmpeg's binary, which the project already ships) once."""

import io
import shutil
import subprocess
import wave
from dataclasses import dataclass

import imageio_ffmpeg

SPEAK_TIMEOUT = 60
ENCODE_TIMEOUT = 10 * 60


class SpeechError(Exception):
    """espeak-ng or ffmpeg failed; the message says why."""


@dataclass(frozen=True)
class Timing:
    start: float
    end: float
    text: str

    def as_dict(self) -> dict:
        return {"start": round(self.start, 3), "end": round(self.end, 3), "text": self.text}


@dataclass(frozen=True)
class Spoken:
    audio: bytes
    duration_seconds: float
    timings: list[Timing]


def espeak_available(program: str) -> bool:
    return shutil.which(program) is not None


def installed_voices(program: str) -> set[str]:
    """The voice names espeak-ng knows (`espeak-ng --voices`), empty when it is missing."""
    if not espeak_available(program):
        return set()
    listing = subprocess.run(
        [program, "--voices"], capture_output=True, text=True, timeout=SPEAK_TIMEOUT, check=False
    ).stdout
    return {line.split()[1] for line in listing.splitlines()[1:] if len(line.split()) > 1}


def _speak(program: str, voice: str, words_per_minute: int, sentence: str) -> wave.Wave_read:
    try:
        done = subprocess.run(
            [program, "-v", voice, "-s", str(words_per_minute), "--stdout", "-b", "1"],
            input=sentence.encode(),
            capture_output=True,
            timeout=SPEAK_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeechError(f"espeak-ng could not run: {error}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode(errors="replace").strip() or f"exit status {done.returncode}"
        raise SpeechError(f"espeak-ng failed: {message.splitlines()[-1]}")
    # On a pipe espeak-ng cannot go back to write the sizes into the WAV header; the frames
    # run to the end of the output, so the header's sizes are set from its length.
    data = bytearray(done.stdout)
    if data[:4] == b"RIFF" and data[36:40] == b"data":
        data[4:8] = (len(data) - 8).to_bytes(4, "little")
        data[40:44] = (len(data) - 44).to_bytes(4, "little")
    try:
        return wave.open(io.BytesIO(bytes(data)))
    except (wave.Error, EOFError) as error:
        raise SpeechError(f"espeak-ng gave no sound: {error}") from None


def speak(
    sentences: list[str],
    *,
    program: str,
    voice: str,
    words_per_minute: int,
    pause_seconds: float,
    bitrate: str,
) -> Spoken:
    """The sentences read one after another, encoded as Ogg Opus at `bitrate`."""
    if not sentences:
        raise SpeechError("there is no text to read")
    pcm, timings, rate = bytearray(), [], None
    for sentence in sentences:
        sound = _speak(program, voice, words_per_minute, sentence)
        if rate is None:
            rate = sound.getframerate()
            if sound.getnchannels() != 1 or sound.getsampwidth() != 2:
                raise SpeechError("espeak-ng gave sound in an unexpected format")
        start = len(pcm) / 2 / rate
        pcm += sound.readframes(sound.getnframes())
        timings.append(Timing(start=start, end=len(pcm) / 2 / rate, text=sentence))
        pcm += b"\x00\x00" * int(pause_seconds * rate)
    audio = encode(bytes(pcm), sample_rate=rate, bitrate=bitrate, raw=True)
    return Spoken(audio=audio, duration_seconds=len(pcm) / 2 / rate, timings=timings)


def encode(source: bytes, *, bitrate: str, sample_rate: int = 0, raw: bool = False) -> bytes:
    """Mono Ogg Opus tuned for speech, from raw 16-bit PCM or from any audio file ffmpeg
    reads (a person's recording)."""
    source_args = ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1"] if raw else []
    command = [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        *source_args,
        "-i",
        "pipe:0",
        "-vn",
        "-ac",
        "1",
        "-c:a",
        "libopus",
        "-b:a",
        bitrate,
        "-application",
        "voip",
        "-map_metadata",
        "-1",
        "-f",
        "ogg",
        "pipe:1",
    ]
    try:
        done = subprocess.run(
            command, input=source, capture_output=True, timeout=ENCODE_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeechError(f"ffmpeg could not run: {error}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode(errors="replace").strip() or f"exit status {done.returncode}"
        raise SpeechError(f"ffmpeg could not encode the audio: {message.splitlines()[-1]}")
    return done.stdout


def duration_of(audio: bytes) -> float:
    """Seconds of an encoded file, as ffmpeg decodes it (0 when it cannot)."""
    done = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", "pipe:0", "-f", "null", "-"],
        input=audio,
        capture_output=True,
        timeout=ENCODE_TIMEOUT,
        check=False,
    )
    seconds = 0.0
    for part in done.stderr.decode(errors="replace").replace("\r", "\n").split():
        if part.startswith("time="):
            hours, minutes, secs = part[5:].split(":")
            seconds = int(hours) * 3600 + int(minutes) * 60 + float(secs)
    return seconds
