import { installSimplifier } from '../core/grading/han-variants.ts';

let loading: Promise<void> | undefined;

/**
 * Chinese has no dictionary here, but its two character sets are one writing: OpenCC's traditional-to-simplified
 * tables (opencc-js, t2cn only: about 150 ms and 14 MB on first use) let "謝謝" be read as "谢谢".
 */
export function loadChinese(): Promise<void> {
  loading ??= import('opencc-js/t2cn').then(({ Converter }) => {
    installSimplifier(Converter({ from: 'tw', to: 'cn' }));
  });
  return loading;
}
