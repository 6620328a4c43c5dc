/** Runs the mirror bench in this (fresh) process and prints its figures as one JSON line: see bench/mirror.ts. */
import { measureMirror } from '../mirror.js';

console.log(JSON.stringify(await measureMirror()));
