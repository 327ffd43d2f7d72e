// The organisers' command line: `sharinghub upload …` and friends. Commands are added by feature.
return 0;
