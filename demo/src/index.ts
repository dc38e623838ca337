export * from './world';
export * from './people';
export * from './projects';
