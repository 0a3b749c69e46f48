import { type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

export interface PlayerHandle {
  seek(seconds: number): void;
  /** Seeks and plays from there. */
  playFrom(seconds: number): void;
  currentTime(): number;
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const STEP_S = 5;

/** Keys typed into a field or pressed on a control belong to it, not to the player. */
function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName);
}

/**
 * The call's recording: a waveform (wavesurfer.js over a real audio element), play and pause,
 * 5-second steps, speed 0.5–2×, and keyboard shortcuts anywhere on the page: space, ← and →.
 */
export function RecordingPlayer({
  url,
  fmt,
  ref,
  onTime,
}: {
  url: string;
  fmt: Formatters;
  ref?: Ref<PlayerHandle>;
  /** Told where the recording is as it plays or is moved. */
  onTime?: (seconds: number) => void;
}) {
  const t = useT();
  const speedId = useId();
  const waveRef = useRef<HTMLDivElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const wsRef = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  // The latest listener, read by the player's events without re-creating the player.
  const onTimeRef = useRef(onTime);
  onTimeRef.current = onTime;

  useEffect(() => {
    const container = waveRef.current;
    const media = audioRef.current;
    if (!container || !media) return;
    setState('loading');
    const styles = getComputedStyle(document.documentElement);
    const ws = WaveSurfer.create({
      container,
      media,
      url,
      height: 72,
      waveColor: styles.getPropertyValue('--wave').trim() || '#c3cce0',
      progressColor: styles.getPropertyValue('--accent').trim() || '#3355c4',
      cursorColor: styles.getPropertyValue('--text').trim() || '#161b26',
      cursorWidth: 1,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: true,
    });
    wsRef.current = ws;
    const subs = [
      ws.on('ready', (d) => {
        setDuration(d);
        setState('ready');
      }),
      ws.on('timeupdate', (s) => {
        setTime(s);
        onTimeRef.current?.(s);
      }),
      ws.on('play', () => setPlaying(true)),
      ws.on('pause', () => setPlaying(false)),
      ws.on('finish', () => setPlaying(false)),
      ws.on('error', () => setState('error')),
    ];
    return () => {
      for (const off of subs) off();
      ws.destroy();
      wsRef.current = null;
    };
  }, [url]);

  useImperativeHandle(
    ref,
    () => ({
      seek: (s: number) => {
        const ws = wsRef.current;
        if (ws) ws.setTime(Math.min(Math.max(0, s), ws.getDuration() || s));
      },
      playFrom: (s: number) => {
        const ws = wsRef.current;
        if (!ws) return;
        ws.setTime(Math.min(Math.max(0, s), ws.getDuration() || s));
        void ws.play().catch(() => setState('error'));
      },
      currentTime: () => wsRef.current?.getCurrentTime() ?? 0,
    }),
    [],
  );

  const toggle = () => void wsRef.current?.playPause().catch(() => setState('error'));
  const step = (s: number) => wsRef.current?.skip(s);
  const changeSpeed = (rate: number) => {
    setSpeed(rate);
    wsRef.current?.setPlaybackRate(rate, true);
  };

  // Shortcuts work anywhere on the page, except inside fields and on buttons.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isInteractive(e.target)) return;
      if (e.key === ' ') {
        e.preventDefault();
        void wsRef.current?.playPause();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        wsRef.current?.skip(-STEP_S);
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        wsRef.current?.skip(STEP_S);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="player">
      {/* biome-ignore lint/a11y/useMediaCaption: call recordings have no captions */}
      <audio ref={audioRef} preload="auto" className="player-audio" data-testid="recording" />
      <div className="player-wave" ref={waveRef} aria-hidden="true">
        {state === 'loading' && <span className="player-wave-state">{t('qa.player.loading')}</span>}
      </div>
      {state === 'error' && (
        <p className="form-error" role="alert">
          {t('qa.player.error')}
        </p>
      )}
      <div className="player-controls">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => step(-STEP_S)}
          aria-label={t('qa.player.back')}
          title={t('qa.player.back')}
        >
          {t('qa.player.backShort')}
        </button>
        <button type="button" className="button button-primary button-small player-play" onClick={toggle}>
          {playing ? t('qa.player.pause') : t('qa.player.play')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => step(STEP_S)}
          aria-label={t('qa.player.forward')}
          title={t('qa.player.forward')}
        >
          {t('qa.player.forwardShort')}
        </button>
        <span className="player-time" aria-live="off">
          {fmt.duration(time)} / {fmt.duration(duration)}
        </span>
        <div className="field field-inline player-speed">
          <label className="field-label" htmlFor={speedId}>
            {t('qa.player.speed')}
          </label>
          <select
            id={speedId}
            className="select select-small"
            value={speed}
            onChange={(e) => changeSpeed(Number(e.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t('qa.player.rate', { rate: fmt.decimal(s, s % 1 === 0 ? 0 : 2) })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="player-help">{t('qa.player.help')}</p>
    </div>
  );
}
